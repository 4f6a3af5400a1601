import type { EpochMs } from '../domain/records';
import { bucketStarts } from '../semantics/buckets';
import { DEFAULT_TIME_ZONE } from '../semantics/time-zones';
import type { BucketSize, TimeRange } from './common';
import { StoreError } from './errors';

/**
 * The bucket starts of a time series: from the bucket holding `range.from` to the one holding
 * `range.to - 1`; an open bound comes from the earliest / latest time in scope (see
 * {@link timeBounds}). No data and an open bound: no buckets. Buckets start at local midnights
 * (or hours) of `zone`, default UTC.
 *
 * @param earliest epoch ms, null when nothing is in scope
 * @param latest epoch ms, null when nothing is in scope
 * @throws {StoreError} `STORE_INVALID_QUERY` past `MAX_SERIES_BUCKETS`
 * @example
 * seriesBucketStarts({ from: 0, to: 7_200_000 }, null, null, 'hour'); // [0, 3_600_000]
 * seriesBucketStarts(undefined, 1_000, 3_700_000, 'hour'); // [0, 3_600_000]
 */
export function seriesBucketStarts(
  range: TimeRange | undefined,
  earliest: EpochMs | null,
  latest: EpochMs | null,
  bucket: BucketSize,
  zone?: string,
): EpochMs[] {
  let first = range?.from;
  let last = range?.to === undefined ? undefined : range.to - 1;
  if (first === undefined || last === undefined) {
    if (earliest === null || latest === null) return [];
    first ??= earliest;
    last ??= latest;
  }
  try {
    return bucketStarts(first, last, bucket, zone);
  } catch (error) {
    throw new StoreError('STORE_INVALID_QUERY', 'The time series has too many buckets', {
      cause: error,
    });
  }
}

/**
 * The earliest and latest of some times (epoch ms), null when there are none. A loop, not
 * `Math.min(...times)`: spreading a large array overflows the stack.
 *
 * @example
 * timeBounds([5, 1, 9]); // { earliest: 1, latest: 9 }
 * timeBounds([]); // { earliest: null, latest: null }
 */
export function timeBounds(times: Iterable<EpochMs>): {
  earliest: EpochMs | null;
  latest: EpochMs | null;
} {
  let earliest: EpochMs | null = null;
  let latest: EpochMs | null = null;
  for (const time of times) {
    if (earliest === null || time < earliest) earliest = time;
    if (latest === null || time > latest) latest = time;
  }
  return { earliest, latest };
}

/**
 * Whether a store answering from rollups must read a series from hour-granular parts: hour
 * buckets, and day buckets outside UTC, whose local midnights daily rollups (UTC days) cannot
 * split at. Grouping hourly parts by `bucketStart` in the zone is exact in zones with
 * whole-hour offsets; in a half- or quarter-hour zone an hourly row that a local midnight cuts
 * falls wholly in the bucket its UTC hour starts in.
 *
 * @example
 * seriesNeedsHours('day', 'UTC'); // false
 * seriesNeedsHours('day', 'Europe/Berlin'); // true
 */
export function seriesNeedsHours(bucket: BucketSize, timeZone: string): boolean {
  return bucket === 'hour' || timeZone !== DEFAULT_TIME_ZONE;
}
