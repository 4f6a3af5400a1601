/**
 * The Langfuse client: typed, validated access to both API generations with retries, pacing and
 * pagination, plus normalizers from wire objects to the domain records.
 *
 * @example
 * import { createLangfuseClient, observationV2ToRecord } from '@cupid-dashboard/core';
 * const client = createLangfuseClient({ publicKey, secretKey });
 * const page = await client.getObservationsV2({ limit: 1000, fields: ['core', 'basic', 'usage'] });
 * const records = page.data.map(observationV2ToRecord);
 */
export { createLangfuseClient } from './client';
export type {
  ConnectionInfo,
  HealthInfo,
  LangfuseClient,
  LangfuseTraceDetail,
} from './client-types';
export {
  isLangfuseError,
  LangfuseError,
  type LangfuseErrorCode,
  type LangfuseErrorDetails,
} from './errors';
export { parseRetryAfter } from './http/retry-after';
export {
  observationToRecord,
  observationV2ToRecord,
  scoreToRecord,
  scoreV3ToRecord,
  sessionToRecord,
  traceToRecord,
} from './normalize/index';
export {
  type LangfuseClientOptions,
  type LangfuseLogger,
  type ResolvedLangfuseOptions,
  resolveLangfuseOptions,
} from './options';
export {
  LEGACY_MAX_LIMIT,
  OBSERVATION_FIELD_GROUPS,
  type ObservationFieldGroup,
  SCORE_FIELD_GROUPS,
  SCORES_MAX_LIMIT,
  type ScoreFieldGroup,
  type TimeInput,
  V2_MAX_LIMIT,
} from './params';
export type {
  CallOptions,
  GetObservationsParams,
  GetObservationsV2Params,
  GetScoresParams,
  GetScoresV3Params,
  GetSessionsParams,
  GetTracesParams,
  LegacyPaging,
  ScoreDataTypeFilter,
  ScoreSourceFilter,
} from './request-params';
export type {
  LangfuseObservation,
  LangfuseObservationV2,
  LangfuseScore,
  LangfuseScoreV3,
  LangfuseSession,
  LangfuseTrace,
} from './schemas/index';
export type {
  CursorPage,
  InvalidRecord,
  InvalidRecordReport,
  LangfuseClientStats,
  LegacyPage,
  LegacyPageMeta,
} from './types';
