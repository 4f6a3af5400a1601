import type { EpochMs } from '../domain/records';
import type { BucketSize } from '../store/common';

/** Bucket widths in milliseconds. Buckets are UTC: a day starts at 00:00:00Z. */
export const BUCKET_MS: Readonly<Record<BucketSize, number>> = Object.freeze({
  hour: 3_600_000,
  day: 86_400_000,
});

/**
 * The most buckets one time series may hold; a longer series is a `STORE_INVALID_QUERY`
 * (e.g. hourly buckets over years). 10 000 hours is over a year.
 */
export const MAX_SERIES_BUCKETS = 10_000;

/**
 * The UTC start of the bucket holding `time`.
 *
 * @example
 * bucketStart(Date.parse('2026-11-20T10:42:00Z'), 'hour'); // Date.parse('2026-11-20T10:00:00Z')
 * bucketStart(Date.parse('2026-11-20T10:42:00Z'), 'day'); // Date.parse('2026-11-20T00:00:00Z')
 */
export function bucketStart(time: EpochMs, size: BucketSize): EpochMs {
  const width = BUCKET_MS[size];
  return Math.floor(time / width) * width;
}

/**
 * Every bucket start from the bucket holding `first` to the bucket holding `last`, inclusive;
 * empty when `last < first`. Throws a `RangeError` past {@link MAX_SERIES_BUCKETS}.
 *
 * @example
 * bucketStarts(0, 7_200_000, 'hour'); // [0, 3_600_000, 7_200_000]
 */
export function bucketStarts(first: EpochMs, last: EpochMs, size: BucketSize): EpochMs[] {
  if (last < first) return [];
  const width = BUCKET_MS[size];
  const start = bucketStart(first, size);
  const end = bucketStart(last, size);
  const count = (end - start) / width + 1;
  if (count > MAX_SERIES_BUCKETS) {
    throw new RangeError(`a series of ${count} ${size} buckets exceeds ${MAX_SERIES_BUCKETS}`);
  }
  return Array.from({ length: count }, (_, i) => start + i * width);
}
