import type { EpochMs } from '../domain/records';
import { BUCKET_MS, MAX_SERIES_BUCKETS } from '../semantics/buckets';
import type { BucketSize, TimeRange } from '../store/common';
import { AnalyticsError } from './errors';
import type { TimeRangeWire } from './wire/common';

/** Custom periods up to this long default to hourly buckets. Milliseconds (2 days). */
const HOURLY_UP_TO_MS = 2 * 86_400_000;

/**
 * The bucket a series uses when the caller names none: hours for `24h` and short custom
 * periods, days otherwise.
 *
 * @example
 * defaultBucket('24h', { from: now - DAY }); // 'hour'
 */
export function defaultBucket(timeRange: TimeRangeWire, range: TimeRange): BucketSize {
  if (timeRange === '24h') return 'hour';
  if (timeRange !== 'custom' || range.from === undefined || range.to === undefined) return 'day';
  return range.to - range.from <= HOURLY_UP_TO_MS ? 'hour' : 'day';
}

/**
 * Refuses a series that would hold more than `MAX_SERIES_BUCKETS` points, before a store spends
 * time on it. An open upper bound is taken as `now`.
 */
export function checkSeriesSize(range: TimeRange, bucket: BucketSize, now: EpochMs): void {
  if (range.from === undefined) return;
  const last = (range.to ?? Math.max(now, range.from + 1)) - 1;
  const width = BUCKET_MS[bucket];
  const count = Math.floor(last / width) - Math.floor(range.from / width) + 1;
  if (count > MAX_SERIES_BUCKETS) throw tooManyBuckets(bucket);
}

/** Runs a series query, turning the semantics' too-long-series `RangeError` into a 422. */
export async function withSeriesGuard<T>(bucket: BucketSize, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof RangeError) throw tooManyBuckets(bucket);
    throw error;
  }
}

function tooManyBuckets(bucket: BucketSize): AnalyticsError {
  return new AnalyticsError(
    'bucket',
    `the period holds more than ${MAX_SERIES_BUCKETS} ${bucket} buckets; choose a shorter period or a wider bucket`,
  );
}
