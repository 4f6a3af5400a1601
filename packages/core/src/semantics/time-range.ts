import type { EpochMs } from '../domain/records';
import type { TimeRange } from '../store/common';

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
 * The window of a named range ending at `now`. The upper bound is left open so records stamped
 * slightly in the future (clock skew between hosts) still count; `all` is unbounded.
 *
 * @param now epoch ms, from the caller's clock
 * @example
 * resolveTimeRange('24h', now); // { from: now - 86_400_000 }
 * resolveTimeRange('all', now); // {}
 */
export function resolveTimeRange(range: NamedTimeRange, now: EpochMs): TimeRange {
  if (range === 'all') return {};
  return { from: now - TIME_RANGE_MS[range] };
}

/**
 * The period before a named range, of the same length: `[now - 2d, now - d)`. Null for `all`,
 * which has no previous period.
 *
 * @example
 * previousTimeRange('7d', now); // { from: now - 14 * 86_400_000, to: now - 7 * 86_400_000 }
 */
export function previousTimeRange(range: NamedTimeRange, now: EpochMs): TimeRange | null {
  if (range === 'all') return null;
  const length = TIME_RANGE_MS[range];
  return { from: now - 2 * length, to: now - length };
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
