import type { EpochMs } from '../domain/records';
import type { TimeRange } from '../store/common';
import { DEFAULT_TIME_ZONE, wallToInstant, zoneOffsetMs } from './time-zones';

/** The named ranges of the REST API (`time_range`). */
export type NamedTimeRange = '24h' | '7d' | '30d' | 'all';

/** Length of each named range in milliseconds; `all` has none. */
export const TIME_RANGE_MS: Readonly<Record<Exclude<NamedTimeRange, 'all'>, number>> =
  Object.freeze({
    '24h': 86_400_000,
    '7d': 7 * 86_400_000,
    '30d': 30 * 86_400_000,
  });

/**
 * The instant `count` local days before `time` in a zone: the same wall-clock time, so across a
 * daylight-saving change it is 23 or 25 hours per day away. In UTC, `count` × 24 hours.
 *
 * @example
 * daysBefore(Date.parse('2026-03-09T12:00:00Z'), 1, 'America/New_York'); // Date.parse('2026-03-08T13:00:00Z')
 */
export function daysBefore(
  time: EpochMs,
  count: number,
  zone: string = DEFAULT_TIME_ZONE,
): EpochMs {
  const days = count * 86_400_000;
  if (zone === DEFAULT_TIME_ZONE) return time - days;
  return wallToInstant(time + zoneOffsetMs(time, zone) - days, zone);
}

/**
 * The window of a named range ending at `now`. The upper bound is left open so records stamped
 * slightly in the future (clock skew between hosts) still count; `all` is unbounded. `7d` and
 * `30d` start at the same local time that many days before, in `zone` (default UTC).
 *
 * @param now epoch ms, from the caller's clock
 * @example
 * resolveTimeRange('24h', now); // { from: now - 86_400_000 }
 * resolveTimeRange('all', now); // {}
 */
export function resolveTimeRange(
  range: NamedTimeRange,
  now: EpochMs,
  zone: string = DEFAULT_TIME_ZONE,
): TimeRange {
  if (range === 'all') return {};
  return { from: rangeStart(range, now, zone, 1) };
}

/**
 * The period before a named range, of the same length: `[now - 2d, now - d)` (in local days of
 * `zone` for `7d` and `30d`). Null for `all`, which has no previous period.
 *
 * @example
 * previousTimeRange('7d', now); // { from: now - 14 * 86_400_000, to: now - 7 * 86_400_000 }
 */
export function previousTimeRange(
  range: NamedTimeRange,
  now: EpochMs,
  zone: string = DEFAULT_TIME_ZONE,
): TimeRange | null {
  if (range === 'all') return null;
  return { from: rangeStart(range, now, zone, 2), to: rangeStart(range, now, zone, 1) };
}

function rangeStart(
  range: Exclude<NamedTimeRange, 'all'>,
  now: EpochMs,
  zone: string,
  lengths: number,
): EpochMs {
  const length = TIME_RANGE_MS[range];
  // 24h is hours, not a day: it never stretches with the local clock.
  if (range === '24h') return now - lengths * length;
  return daysBefore(now, (lengths * length) / 86_400_000, zone);
}

/**
 * Whether a time falls in a half-open range `[from, to)`.
 *
 * @example
 * inTimeRange(5, { from: 5, to: 10 }); // true
 * inTimeRange(10, { from: 5, to: 10 }); // false
 */
export function inTimeRange(time: EpochMs, range: TimeRange | undefined): boolean {
  if (!range) return true;
  if (range.from !== undefined && time < range.from) return false;
  if (range.to !== undefined && time >= range.to) return false;
  return true;
}
