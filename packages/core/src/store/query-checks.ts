import type { EpochMs } from '../domain/records';
import { type ResolvedPage, resolvePage } from '../semantics/pagination';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../semantics/time-zones';
import type { AgentTimeSeriesParams } from './agents';
import { checkBounded } from './bounds';
import { BUCKET_SIZES, type BucketSize, type TimeRange } from './common';
import type { DashboardParams } from './dashboard';
import { StoreError } from './errors';
import {
  SESSION_SCAN_LIMIT_DEFAULT,
  SESSION_SCAN_LIMIT_MAX,
  type SessionCursor,
} from './session-scan';

// Shared checks for store query parameters, so every store rejects the same inputs with the same
// `STORE_INVALID_QUERY` error (routes map it to 422).

/**
 * Checks a time range: each bound, when present, must be a finite number (epoch ms).
 *
 * @param range optional `{ from?, to? }`; undefined means all time
 * @returns the same range, unchanged
 * @throws {StoreError} `STORE_INVALID_QUERY` for a NaN or infinite bound
 * @example
 * checkRange({ from: 0, to: Date.now() }); // returns the range
 * checkRange({ from: Number.NaN }); // throws STORE_INVALID_QUERY
 */
export function checkRange(range: TimeRange | undefined): TimeRange | undefined {
  for (const bound of [range?.from, range?.to]) {
    if (bound !== undefined && !Number.isFinite(bound)) {
      throw new StoreError('STORE_INVALID_QUERY', 'A time range bound is not a finite number');
    }
  }
  return range;
}

/**
 * Applies page defaults (page 1, limit 50; limit at most 200) or throws.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` when page < 1, limit is outside 1–200, or either is not an integer
 * @example
 * checkPage({}); // { page: 1, limit: 50, offset: 0 }
 */
export function checkPage(params: { page?: number; limit?: number }): ResolvedPage {
  const page = resolvePage(params);
  if (!page) {
    throw new StoreError('STORE_INVALID_QUERY', 'page must be an integer ≥ 1 and limit 1 to 200');
  }
  return page;
}

/**
 * Checks an integer option within `[min, max]` (inclusive), applying `fallback` when undefined.
 *
 * @param name the option's name, for the error message
 * @throws {StoreError} `STORE_INVALID_QUERY` for a non-integer or out-of-range value
 * @example
 * checkInteger('recentErrorsLimit', undefined, 10, 1, 100); // 10
 */
export function checkInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min || resolved > max) {
    throw new StoreError('STORE_INVALID_QUERY', `${name} must be an integer from ${min} to ${max}`);
  }
  return resolved;
}

/**
 * Checks an enumerated option (untyped callers can pass anything), applying `fallback` when undefined.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` when the value is not in `allowed`
 * @example
 * checkOneOf('order', undefined, ['asc', 'desc'], 'desc'); // 'desc'
 */
export function checkOneOf<T extends string>(
  name: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const resolved = value ?? fallback;
  if (!allowed.includes(resolved)) {
    throw new StoreError('STORE_INVALID_QUERY', `${name} must be one of ${allowed.join(', ')}`);
  }
  return resolved;
}

/**
 * Checks a time zone, applying `'UTC'` when undefined: stores can trust the name they get back.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a name that is not an IANA zone
 * @example
 * checkTimeZone(undefined); // 'UTC'
 * checkTimeZone('Europe/Berlin'); // 'Europe/Berlin'
 */
export function checkTimeZone(zone: string | undefined): string {
  const resolved = zone ?? DEFAULT_TIME_ZONE;
  if (typeof resolved !== 'string' || !isTimeZone(resolved)) {
    throw new StoreError('STORE_INVALID_QUERY', 'timeZone must be an IANA time zone name');
  }
  return resolved;
}

function checkBucket(bucket: BucketSize | undefined): BucketSize {
  return checkOneOf('bucket', bucket, BUCKET_SIZES, 'day');
}

/** A dashboard query with every default applied and every bound checked. */
export interface ResolvedDashboardParams {
  range: TimeRange | undefined;
  /** Absent: no previous-period KPIs are read. */
  previousRange: TimeRange | undefined;
  bucket: BucketSize;
  /** A zone {@link checkTimeZone} accepted. */
  timeZone: string;
  topAgentsLimit: number;
  now: EpochMs;
}

/**
 * Checks a {@link DashboardParams} and applies its defaults (bucket `'day'`, zone `'UTC'`, 5 top
 * agents, `now` from the store's clock), so every store reads the same query.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a bad range bound, bucket, zone or limit
 * @example
 * const query = checkDashboardParams(params, clock);
 * const kpis = query.previousRange === undefined ? null : await readKpis(query.previousRange);
 */
export function checkDashboardParams(
  params: DashboardParams,
  clock: () => EpochMs,
): ResolvedDashboardParams {
  return {
    range: checkRange(params.range),
    previousRange: checkRange(params.previousRange),
    bucket: checkBucket(params.bucket),
    timeZone: checkTimeZone(params.timeZone),
    topAgentsLimit: checkBounded('topAgentsLimit', params.topAgentsLimit),
    now: params.now ?? clock(),
  };
}

/** An agent time series query with its defaults applied and its bounds checked. */
export type ResolvedAgentTimeSeriesParams = Required<Omit<AgentTimeSeriesParams, 'range'>> &
  Pick<AgentTimeSeriesParams, 'range'>;

/**
 * Checks an {@link AgentTimeSeriesParams} and applies its defaults (bucket `'day'` for untyped
 * callers, zone `'UTC'`), so every store reads the same query.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a bad range bound, bucket or zone
 * @example
 * checkAgentTimeSeriesParams({ name: 'planner', bucket: 'day' }); // { …, timeZone: 'UTC' }
 */
export function checkAgentTimeSeriesParams(
  params: AgentTimeSeriesParams,
): ResolvedAgentTimeSeriesParams {
  return {
    name: params.name,
    range: checkRange(params.range),
    bucket: checkBucket(params.bucket),
    timeZone: checkTimeZone(params.timeZone),
  };
}

/**
 * Checks a session scan's batch size and position, applying the default limit.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a limit outside 1–1000, or an `after` without a
 *   string id or with a value that is not a string, a finite number or null
 * @example
 * checkScan({}); // { limit: 500, after: undefined }
 */
export function checkScan(params: { limit?: number; after?: SessionCursor }): {
  limit: number;
  after: SessionCursor | undefined;
} {
  const limit = checkInteger(
    'limit',
    params.limit,
    SESSION_SCAN_LIMIT_DEFAULT,
    1,
    SESSION_SCAN_LIMIT_MAX,
  );
  const { after } = params;
  if (after === undefined) return { limit, after };
  const value: unknown = after?.value;
  const validValue =
    value === null ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (typeof after?.id !== 'string' || !validValue) {
    throw new StoreError(
      'STORE_INVALID_QUERY',
      'after must be { value: string | number | null, id: string } from a previous batch',
    );
  }
  return { limit, after };
}
