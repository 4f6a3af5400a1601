import { type BucketSize, bucketStarts, StoreError, type TimeRange } from '@cupid-dashboard/core';

/**
 * The bucket starts of a series: from the bucket holding `range.from` to the one holding
 * `range.to - 1`; an open bound comes from the earliest / latest time in scope (null: no data).
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` past core's `MAX_SERIES_BUCKETS`
 */
export function seriesBuckets(
  range: TimeRange | undefined,
  earliest: number | null,
  latest: number | null,
  bucket: BucketSize,
): number[] {
  let first = range?.from;
  let last = range?.to === undefined ? undefined : range.to - 1;
  if (first === undefined || last === undefined) {
    if (earliest === null || latest === null) return [];
    first ??= earliest;
    last ??= latest;
  }
  try {
    return bucketStarts(first, last, bucket);
  } catch (error) {
    throw new StoreError('STORE_INVALID_QUERY', 'The time series has too many buckets', {
      cause: error,
    });
  }
}

/** Earliest and latest of some times, null when there are none. */
export function timeBounds(times: Iterable<number>): {
  earliest: number | null;
  latest: number | null;
} {
  let earliest: number | null = null;
  let latest: number | null = null;
  for (const time of times) {
    if (earliest === null || time < earliest) earliest = time;
    if (latest === null || time > latest) latest = time;
  }
  return { earliest, latest };
}

/** Code-unit order of two ids, as the reference store compares them. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
