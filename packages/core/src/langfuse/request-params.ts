import type { ObservationLevel } from '../domain/index';
import type { ObservationFieldGroup, ScoreFieldGroup, TimeInput } from './params';

/** Per-call options of every client method. */
export interface CallOptions {
  /** Aborts the call, including retry and pacing waits; the call rejects with `LANGFUSE_ABORTED`. */
  signal?: AbortSignal;
}

/** Paging of the legacy list endpoints. */
export interface LegacyPaging {
  /** Page number from 1. Default `1` (server default). */
  page?: number;
  /** Records per page, 1–100. Default `50` (server default). */
  limit?: number;
}

/**
 * Filters of `GET /api/public/sessions`. Time filters: from inclusive, to exclusive.
 *
 * @example
 * await client.getSessions({ limit: 100, fromTimestamp: new Date('2026-11-01T00:00:00Z') });
 */
export interface GetSessionsParams extends LegacyPaging {
  fromTimestamp?: TimeInput;
  toTimestamp?: TimeInput;
  /** One environment or several (sent as repeated keys). */
  environment?: string | string[];
}

/**
 * Filters of `GET /api/public/traces`.
 *
 * @example
 * await client.getTraces({ limit: 100, orderBy: 'timestamp.asc', sessionId: 'session-1' });
 */
export interface GetTracesParams extends LegacyPaging {
  userId?: string;
  name?: string;
  sessionId?: string;
  fromTimestamp?: TimeInput;
  toTimestamp?: TimeInput;
  /** `field.asc` or `field.desc`, e.g. `timestamp.asc`. Default `timestamp.desc`. */
  orderBy?: string;
  /** Traces carrying all of these tags. */
  tags?: string | string[];
  version?: string;
  release?: string;
  environment?: string | string[];
  /** Comma-separated trace field groups (`core,io,scores,observations,metrics`). Default: all. */
  fields?: string;
}

/**
 * Filters of `GET /api/public/observations` (legacy v1).
 *
 * @example
 * await client.getObservations({ limit: 100, traceId: 'trace-1' });
 */
export interface GetObservationsParams extends LegacyPaging {
  traceId?: string;
  name?: string;
  type?: string;
  userId?: string;
  level?: ObservationLevel;
  parentObservationId?: string;
  fromStartTime?: TimeInput;
  toStartTime?: TimeInput;
  environment?: string | string[];
  version?: string;
}

/**
 * Parameters of `GET /api/public/v2/observations`. Send the same filters with every page: the
 * cursor holds only a position.
 *
 * @example
 * await client.getObservationsV2({
 *   limit: 1000,
 *   fields: ['core', 'basic', 'time', 'usage', 'model', 'trace_context'],
 *   fromStartTime: '2026-11-20T00:00:00Z',
 *   toStartTime: '2026-11-21T00:00:00Z',
 * });
 */
export interface GetObservationsV2Params {
  /** The `cursor` of the previous page; omit for the first page. */
  cursor?: string;
  /** Records per page, 1–1000. Default `50` (server default). */
  limit?: number;
  /** Field groups to return. Default (server): `core` and `basic`. */
  fields?: ObservationFieldGroup[];
  /** Metadata keys to return untruncated (others are cut at 200 characters). */
  expandMetadata?: string[];
  traceId?: string;
  name?: string;
  type?: string;
  userId?: string;
  sessionId?: string;
  level?: ObservationLevel;
  /** An empty string matches only observations without a parent. */
  parentObservationId?: string;
  isRootObservation?: boolean;
  environment?: string | string[];
  version?: string;
  /** Start time from, inclusive. */
  fromStartTime?: TimeInput;
  /** Start time to, exclusive. */
  toStartTime?: TimeInput;
  /** Langfuse's structured filter, as JSON text; it takes precedence over the other filters. */
  filter?: string;
}

/** A score source as the scores endpoints filter by it. */
export type ScoreSourceFilter = 'API' | 'EVAL' | 'ANNOTATION';
/** A score data type as the scores endpoints filter by it. */
export type ScoreDataTypeFilter = 'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'TEXT' | 'CORRECTION';

/**
 * Filters of the legacy `GET /api/public/v2/scores` (page/limit, at most 100 a page). Time
 * filters are on the score's timestamp: from inclusive, to exclusive.
 *
 * @example
 * await client.getScores({ limit: 100, name: 'helpfulness', fromTimestamp: '2026-11-20T00:00:00Z' });
 */
export interface GetScoresParams extends LegacyPaging {
  userId?: string;
  name?: string;
  fromTimestamp?: TimeInput;
  toTimestamp?: TimeInput;
  /** One environment or several (sent as repeated keys). */
  environment?: string | string[];
  source?: ScoreSourceFilter;
  /** Only these score ids (sent comma-separated). */
  scoreIds?: string | string[];
  configId?: string;
  sessionId?: string;
  traceId?: string;
  /** Only scores of these observations (sent comma-separated). */
  observationId?: string | string[];
  dataType?: ScoreDataTypeFilter;
}

/**
 * Parameters of `GET /api/public/v3/scores` (cursor pages, at most 100 a page; more is a 400).
 * List filters take one value or several (sent comma-separated). Send the same filters with
 * every page: the cursor holds only a position.
 *
 * @example
 * await client.getScoresV3({
 *   limit: 100,
 *   fields: ['details', 'subject'],
 *   fromTimestamp: '2026-11-20T00:00:00Z',
 *   toTimestamp: '2026-11-21T00:00:00Z',
 * });
 */
export interface GetScoresV3Params {
  /** The `cursor` of the previous page; omit for the first page. */
  cursor?: string;
  /** Records per page, 1–100. Default `50` (server default). */
  limit?: number;
  /** Field groups besides the core fields. Default (server): none. */
  fields?: ScoreFieldGroup[];
  id?: string | string[];
  name?: string | string[];
  source?: ScoreSourceFilter | ScoreSourceFilter[];
  dataType?: ScoreDataTypeFilter | ScoreDataTypeFilter[];
  environment?: string | string[];
  configId?: string | string[];
  traceId?: string | string[];
  sessionId?: string | string[];
  observationId?: string | string[];
  /** Score timestamp from, inclusive. */
  fromTimestamp?: TimeInput;
  /** Score timestamp to, exclusive. */
  toTimestamp?: TimeInput;
}
