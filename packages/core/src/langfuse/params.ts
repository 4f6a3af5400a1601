import { z } from 'zod';
import { LangfuseError } from './errors';
import type { QueryValue } from './http/request';
import { formatIssues } from './validate';

/** A time filter: a `Date` or an ISO-8601 string; sent as ISO-8601 UTC. */
export type TimeInput = Date | string;

/** Largest `limit` of the legacy list endpoints. */
export const LEGACY_MAX_LIMIT = 100;
/** Largest `limit` of `GET /api/public/v2/observations`. */
export const V2_MAX_LIMIT = 1000;

/** Largest `limit` of both scores endpoints (`/api/public/v3/scores`, legacy `/api/public/v2/scores`). */
export const SCORES_MAX_LIMIT = 100;

/** Field groups of `GET /api/public/v3/scores` besides the core fields it always returns. */
export const SCORE_FIELD_GROUPS = ['details', 'subject', 'annotation'] as const;

/** One v3 scores field group; see {@link SCORE_FIELD_GROUPS}. */
export type ScoreFieldGroup = (typeof SCORE_FIELD_GROUPS)[number];

/** Field groups of the v2 observations endpoint; `core` is always returned. */
export const OBSERVATION_FIELD_GROUPS = [
  'core',
  'basic',
  'time',
  'io',
  'metadata',
  'model',
  'usage',
  'prompt',
  'metrics',
  'trace_context',
] as const;

/** One v2 field group; see {@link OBSERVATION_FIELD_GROUPS}. */
export type ObservationFieldGroup = (typeof OBSERVATION_FIELD_GROUPS)[number];

const time = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value).toISOString())
  .refine((iso) => !Number.isNaN(Date.parse(iso)), 'invalid date');
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));
const text = z.string().min(1);
/** A v3 list filter: one value or several, sent comma-separated. */
const listOf = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).min(1)])
    .transform((value) => (Array.isArray(value) ? value.join(',') : value));
const commaList = listOf(text);
const scoreSource = z.enum(['API', 'EVAL', 'ANNOTATION']);
const scoreDataType = z.enum(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION']);
const page = z.number().int().min(1);
const limitUpTo = (max: number) =>
  z.number().int().min(1).max(max, `limit must be at most ${max} for this endpoint`);

const legacyPaging = { page: page.optional(), limit: limitUpTo(LEGACY_MAX_LIMIT).optional() };

/** Query schemas per endpoint; each output is ready to send. */
export const paramSchemas = {
  sessions: z.object({
    ...legacyPaging,
    fromTimestamp: time.optional(),
    toTimestamp: time.optional(),
    environment: stringList.optional(),
  }),
  traces: z.object({
    ...legacyPaging,
    userId: text.optional(),
    name: text.optional(),
    sessionId: text.optional(),
    fromTimestamp: time.optional(),
    toTimestamp: time.optional(),
    orderBy: text.optional(),
    tags: stringList.optional(),
    version: text.optional(),
    release: text.optional(),
    environment: stringList.optional(),
    fields: text.optional(),
  }),
  observations: z.object({
    ...legacyPaging,
    traceId: text.optional(),
    name: text.optional(),
    type: text.optional(),
    userId: text.optional(),
    level: z.enum(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']).optional(),
    parentObservationId: text.optional(),
    fromStartTime: time.optional(),
    toStartTime: time.optional(),
    environment: stringList.optional(),
    version: text.optional(),
  }),
  observationsV2: z.object({
    cursor: text.optional(),
    limit: limitUpTo(V2_MAX_LIMIT).optional(),
    fields: z
      .array(z.enum(OBSERVATION_FIELD_GROUPS))
      .transform((groups) => groups.join(','))
      .optional(),
    expandMetadata: z
      .array(z.string().min(1))
      .transform((keys) => keys.join(','))
      .optional(),
    traceId: text.optional(),
    name: text.optional(),
    type: text.optional(),
    userId: text.optional(),
    sessionId: text.optional(),
    level: z.enum(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']).optional(),
    parentObservationId: z.string().optional(),
    isRootObservation: z.boolean().optional(),
    environment: stringList.optional(),
    version: text.optional(),
    fromStartTime: time.optional(),
    toStartTime: time.optional(),
    filter: text.optional(),
  }),
  scores: z.object({
    ...legacyPaging,
    userId: text.optional(),
    name: text.optional(),
    fromTimestamp: time.optional(),
    toTimestamp: time.optional(),
    environment: stringList.optional(),
    source: scoreSource.optional(),
    scoreIds: commaList.optional(),
    configId: text.optional(),
    sessionId: text.optional(),
    traceId: text.optional(),
    observationId: commaList.optional(),
    dataType: scoreDataType.optional(),
  }),
  scoresV3: z.object({
    cursor: text.optional(),
    limit: limitUpTo(SCORES_MAX_LIMIT).optional(),
    fields: z
      .array(z.enum(SCORE_FIELD_GROUPS))
      .transform((groups) => groups.join(','))
      .optional(),
    id: commaList.optional(),
    name: commaList.optional(),
    source: listOf(scoreSource).optional(),
    dataType: listOf(scoreDataType).optional(),
    environment: commaList.optional(),
    configId: commaList.optional(),
    traceId: commaList.optional(),
    sessionId: commaList.optional(),
    observationId: commaList.optional(),
    fromTimestamp: time.optional(),
    toTimestamp: time.optional(),
  }),
};

/**
 * Validates call parameters before anything is sent; throws `LANGFUSE_INVALID_PARAMS` naming the
 * endpoint and the parameter. Unknown parameters are dropped.
 *
 * @example
 * toQueryParams('traces', { limit: 500 }, '/api/public/traces'); // throws: limit at most 100
 */
export function toQueryParams<K extends keyof typeof paramSchemas>(
  endpoint: K,
  params: unknown,
  path: string,
): Record<string, QueryValue> {
  const parsed = paramSchemas[endpoint].safeParse(params ?? {});
  if (!parsed.success) {
    throw new LangfuseError(
      'LANGFUSE_INVALID_PARAMS',
      `Invalid parameters for GET ${path}: ${formatIssues(parsed.error).replace(/\n/g, '; ')}`,
      { method: 'GET', path },
    );
  }
  return parsed.data as Record<string, QueryValue>;
}
