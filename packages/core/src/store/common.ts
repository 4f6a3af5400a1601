import type { EpochMs } from '../domain/records';

/**
 * A half-open time window `[from, to)` in epoch milliseconds (UTC). A missing bound is open:
 * `{}` means all time. The caller resolves named ranges (`'24h'`, `'7d'`, ...) with
 * `resolveTimeRange` so every store sees the same numbers.
 *
 * @example
 * const lastDay: TimeRange = { from: now - 86_400_000, to: now };
 */
export interface TimeRange {
  /** Inclusive lower bound, epoch ms. Absent: no lower bound. */
  from?: EpochMs;
  /** Exclusive upper bound, epoch ms. Absent: no upper bound. */
  to?: EpochMs;
}

/**
 * A time bucket width: `'hour'` or `'day'`. In UTC they are 3 600 000 and 86 400 000 ms; in
 * another zone a day runs from local midnight to local midnight (23–25 hours).
 */
export type BucketSize = (typeof BUCKET_SIZES)[number];

/** Every bucket size. */
export const BUCKET_SIZES = ['hour', 'day'] as const;

/**
 * Token counts the way Langfuse's own dashboard counts free-form usage keys: `input` is the sum
 * of keys containing "input", `output` likewise, `total` the `total` key or else input + output.
 */
export interface TokenCounts {
  input: number;
  output: number;
  total: number;
}

/**
 * A latency summary in milliseconds. Percentiles are nearest-rank; a store may answer them from
 * a log-bucket sketch within {@link PERCENTILE_RELATIVE_ERROR} (see `semantics/percentiles`).
 * Every field is null when no observation in scope has an end time.
 */
export interface LatencySummary {
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** Sort direction. */
export type SortOrder = 'asc' | 'desc';

/**
 * One page of a list plus the totals a pager needs.
 * `totalPages` is `ceil(total / limit)`, 0 for an empty result; a page past the end has no items.
 */
export interface Page<T> {
  items: T[];
  /** 1-based page number that was asked for. */
  page: number;
  limit: number;
  /** Rows matching the filters, across all pages. */
  total: number;
  totalPages: number;
}

/** A JSON-serializable value: what a store persists for opaque state such as a checkpoint. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
