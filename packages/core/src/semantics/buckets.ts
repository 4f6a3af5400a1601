import type { EpochMs } from '../domain/records';
import type { BucketSize } from '../store/common';
import { DEFAULT_TIME_ZONE, firstInstantWhere, wallToInstant, zoneOffsetMs } from './time-zones';

/**
 * Nominal bucket widths in milliseconds. In UTC every bucket has exactly this width; in another
 * zone a day bucket runs from local midnight to local midnight, so a daylight-saving day has 23
 * or 25 hours.
 */
export const BUCKET_MS: Readonly<Record<BucketSize, number>> = Object.freeze({
  hour: 3_600_000,
  day: 86_400_000,
});

/**
 * The most buckets one time series may hold; a longer series is a `STORE_INVALID_QUERY`
 * (e.g. hourly buckets over years). 10 000 hours is over a year.
 */
export const MAX_SERIES_BUCKETS = 10_000;

const CACHE_LIMIT = 100_000;
// Local midnight → instant, per zone: a series over many records resolves each day once.
const dayStarts = new Map<string, EpochMs>();

/**
 * The start of the bucket holding `time` in an IANA zone (default UTC): a day bucket starts at
 * local midnight (or where a gap over midnight ends), an hour bucket at the local hour.
 *
 * @param zone a name {@link isTimeZone} accepts; the caller checks it
 * @example
 * bucketStart(Date.parse('2026-11-20T10:42:00Z'), 'hour'); // Date.parse('2026-11-20T10:00:00Z')
 * bucketStart(Date.parse('2026-11-20T10:42:00Z'), 'day'); // Date.parse('2026-11-20T00:00:00Z')
 * bucketStart(Date.parse('2026-11-20T03:00:00Z'), 'day', 'America/New_York'); // Date.parse('2026-11-19T05:00:00Z')
 */
export function bucketStart(
  time: EpochMs,
  size: BucketSize,
  zone: string = DEFAULT_TIME_ZONE,
): EpochMs {
  const width = BUCKET_MS[size];
  if (zone === DEFAULT_TIME_ZONE) return Math.floor(time / width) * width;
  const offset = zoneOffsetMs(time, zone);
  const wall = time + offset;
  const wallStart = Math.floor(wall / width) * width;
  // Within one offset, a local hour is the wall hour shifted back by it.
  if (size === 'hour') return Math.max(wallStart - offset, transitionBefore(time, zone));
  const key = `${zone} ${wallStart}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = wallToInstant(wallStart, zone);
    if (dayStarts.size >= CACHE_LIMIT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

// An hour bucket never starts before the offset change that precedes `time` within the hour:
// after a change at a half hour (e.g. Lord Howe's 30-minute shift) the next bucket starts there.
function transitionBefore(time: EpochMs, zone: string): EpochMs {
  const offset = zoneOffsetMs(time, zone);
  const hourAgo = time - BUCKET_MS.hour;
  if (zoneOffsetMs(hourAgo, zone) === offset) return Number.NEGATIVE_INFINITY;
  return firstInstantWhere(hourAgo, time, (at) => zoneOffsetMs(at, zone) === offset);
}

/**
 * The start of the bucket after the one starting at `start` (a value of {@link bucketStart}).
 *
 * @example
 * nextBucketStart(Date.parse('2026-03-08T05:00:00Z'), 'day', 'America/New_York');
 * // Date.parse('2026-03-09T04:00:00Z'): a 23-hour day
 */
export function nextBucketStart(
  start: EpochMs,
  size: BucketSize,
  zone: string = DEFAULT_TIME_ZONE,
): EpochMs {
  const width = BUCKET_MS[size];
  if (zone === DEFAULT_TIME_ZONE) return start + width;
  // A local hour bucket ends at most an hour after it starts; a local day lasts 23–25 hours, so
  // a day and a half on lands in the next day, never the one after.
  const next = bucketStart(start + (size === 'hour' ? width : width * 1.5), size, zone);
  return next > start ? next : start + width;
}

/**
 * Every bucket start from the bucket holding `first` to the bucket holding `last`, inclusive;
 * empty when `last < first`. Throws a `RangeError` past {@link MAX_SERIES_BUCKETS}.
 *
 * @example
 * bucketStarts(0, 7_200_000, 'hour'); // [0, 3_600_000, 7_200_000]
 */
export function bucketStarts(
  first: EpochMs,
  last: EpochMs,
  size: BucketSize,
  zone: string = DEFAULT_TIME_ZONE,
): EpochMs[] {
  if (last < first) return [];
  const width = BUCKET_MS[size];
  const start = bucketStart(first, size, zone);
  const end = bucketStart(last, size, zone);
  // Local days are at least 23 hours: the nominal count is within one of the true one.
  const count = Math.round((end - start) / width) + 1;
  if (count > MAX_SERIES_BUCKETS) {
    throw new RangeError(`a series of ${count} ${size} buckets exceeds ${MAX_SERIES_BUCKETS}`);
  }
  if (zone === DEFAULT_TIME_ZONE) return Array.from({ length: count }, (_, i) => start + i * width);
  const starts: EpochMs[] = [];
  for (let at = start; at <= end; at = nextBucketStart(at, size, zone)) starts.push(at);
  return starts;
}
