import { z } from 'zod';
import { WIRE_SESSION_SORTS } from '../analytics/session-sort';
import type { EpochMs } from '../domain/records';
import { EXPORT_FORMATS } from '../exports/encode';
import { DEFAULT_TIME_ZONE, isTimeZone, wallToInstant } from '../semantics/time-zones';
import { QUERY_BOUNDS, type QueryBound } from '../store/bounds';
import { scoreFilterShape, withScoreFilterCheck } from './score-query';

/**
 * Query-string parameters shared by the routes. Values arrive as strings; numbers are coerced,
 * enums checked, each with a message naming the parameter and what it accepts.
 */

/**
 * An integer parameter with its default and bounds from `QUERY_BOUNDS`. An empty value
 * (`?limit=`) counts as absent, so the default applies, rather than being coerced to 0.
 */
export function intParam(name: string, bound: QueryBound) {
  const { min, max } = bound;
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number({ error: `${name} must be an integer from ${min} to ${max}` })
      .int()
      .min(min)
      .max(max)
      .default(bound.default),
  );
}

/** An enum parameter; the message lists the accepted values. */
export function enumParam<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.enum(values, { error: `${name} must be one of: ${values.join(', ')}` });
}

// A date (2026-11-20) or date-time with offset (2026-11-20T12:00:00Z); four-digit years only.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A time as the query wrote it: an instant (a date-time, which carries its offset) or a date,
 * whose midnight depends on the route's zone (`tz`, UTC where the route has none).
 */
export type QueryTime = { instant: EpochMs } | { date: EpochMs };

/**
 * The epoch ms of a {@link QueryTime}: an instant as is, a date at its local midnight in `zone`.
 *
 * @example
 * queryTimeToEpoch({ date: Date.parse('2026-03-08') }, 'America/New_York'); // Date.parse('2026-03-08T05:00:00Z')
 */
export function queryTimeToEpoch(time: QueryTime, zone: string = DEFAULT_TIME_ZONE): EpochMs {
  return 'instant' in time ? time.instant : wallToInstant(time.date, zone);
}

/** An ISO-8601 date or date-time parameter, parsed to a {@link QueryTime}. */
export function isoDateParam(name: string, description: string) {
  const message = `${name} must be an ISO-8601 date or date-time, e.g. 2026-11-20 or 2026-11-20T12:00:00Z`;
  return z
    .string({ error: message })
    .refine((text) => ISO_DATE.test(text) && Number.isFinite(Date.parse(text)), message)
    .transform((text): QueryTime => {
      const time = Date.parse(text);
      return text.includes('T') ? { instant: time } : { date: time };
    })
    .describe(
      `${description}: ISO-8601 date-time with an offset, or a date (its midnight in tz where the route takes tz, else UTC)`,
    );
}

/** `time_range`, `from`, `to`: the period every analytics route accepts. */
export const periodShape = {
  time_range: enumParam('time_range', ['24h', '7d', '30d', 'all'])
    .default('all')
    .describe('Named period ending now; ignored when from or to is given'),
  from: isoDateParam(
    'from',
    'Start of a custom period, inclusive; wins over time_range',
  ).optional(),
  to: isoDateParam('to', 'End of a custom period, exclusive; after from').optional(),
};

const isQueryTime = (time: unknown): time is QueryTime => typeof time === 'object' && time !== null;

/** Adds the `to > from` check to a query schema holding {@link periodShape}. */
export function withPeriodCheck<T extends z.ZodObject<typeof periodShape>>(schema: T): T {
  return schema.superRefine((value, context) => {
    const { from, to, tz } = value as { from?: unknown; to?: unknown; tz?: string };
    // An invalid tz has its own issue; the dates are compared at UTC midnight meanwhile.
    const zone = tz !== undefined && isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
    // Zod runs this check even when a date failed its own (then it is still the raw string,
    // e.g. `?from=`), so only parsed times are compared.
    if (
      isQueryTime(from) &&
      isQueryTime(to) &&
      queryTimeToEpoch(to, zone) <= queryTimeToEpoch(from, zone)
    ) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    }
  }) as T;
}

/** The period query alone. */
export const periodQuery = withPeriodCheck(z.object(periodShape));

/** `bucket`: series width; default hours for 24h (and custom periods up to 2 days), else days. */
export const bucketParam = enumParam('bucket', ['hour', 'day'])
  .optional()
  .describe('Series bucket width; default hour for 24h and periods up to 2 days, else day');

const TZ_MESSAGE = 'tz must be an IANA time zone name, e.g. UTC, Europe/Berlin or America/New_York';

/**
 * `tz`: the IANA zone whose local midnights start day buckets and named day ranges. An empty
 * value counts as absent.
 */
export const tzParam = z
  .preprocess(
    (value) => (value === '' ? undefined : value),
    z.string({ error: TZ_MESSAGE }).refine(isTimeZone, TZ_MESSAGE).default(DEFAULT_TIME_ZONE),
  )
  .describe(
    'IANA time zone (e.g. Europe/Berlin). Day buckets start at its local midnight, so a daylight-saving day has 23 or 25 hours; hour buckets start at its local hours; a date in from or to is its local midnight; 7d and 30d end now and start at the same local time 7 or 30 days before; a custom period of whole local days is compared with as many local days before it. Default UTC. Exact in every zone in the memory store; the SQLite store answers zones with a whole-hour offset exactly and, in zones with a half- or quarter-hour offset (Asia/Kolkata, Asia/Kathmandu), counts the records between a local midnight (or local hour) and the next whole UTC hour in the bucket before.',
  );

/** The session list's period, filters and sort, shared by the list and the export. */
const sessionFilterShape = {
  ...periodShape,
  status: enumParam('status', ['all', 'completed', 'active', 'abandoned', 'error']).default('all'),
  search: z
    .string({ error: 'search must be a single string' })
    .max(500, 'search must be at most 500 characters')
    .optional()
    .describe('Literal, case-insensitive substring of session id, user id or message text'),
  user_id: z.string({ error: 'user_id must be a single string' }).optional(),
  ...scoreFilterShape,
  sort: enumParam('sort', WIRE_SESSION_SORTS).default('started_at'),
  order: enumParam('order', ['asc', 'desc']).default('desc'),
};

/** Session list query. */
export const sessionListQuery = withPeriodCheck(
  withScoreFilterCheck(
    z.object({
      ...sessionFilterShape,
      page: intParam('page', QUERY_BOUNDS.page).describe('1-based page number'),
      limit: intParam('limit', QUERY_BOUNDS.limit).describe('Rows per page'),
    }),
  ),
);

/** `format`: what an export is written as. */
export const exportFormatParam = enumParam('format', EXPORT_FORMATS)
  .default('csv')
  .describe('csv: RFC 4180 with a header row; jsonl: one JSON object per line');

/** Session export query: the list's filters and sort, no page, and the format. */
export const sessionExportQuery = withPeriodCheck(
  withScoreFilterCheck(z.object({ ...sessionFilterShape, format: exportFormatParam })),
);

/** Agent export query: the period and the format. */
export const agentExportQuery = withPeriodCheck(
  z.object({ ...periodShape, format: exportFormatParam }),
);
