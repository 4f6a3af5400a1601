import type { EpochMs } from '../domain/records';

/** The zone day buckets use when the caller names none. */
export const DEFAULT_TIME_ZONE = 'UTC';

// IANA names are letters, digits, `_`, `-`, `+` and `/` (`America/New_York`, `Etc/GMT+5`).
// Intl would also take an offset such as `+05:30`; the API promises IANA names only.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `name` is an IANA time zone this runtime knows (`Intl`, no other data). Offsets such
 * as `+05:30` and abbreviations such as `EST` that are not zone names are refused.
 *
 * @example
 * isTimeZone('Europe/Berlin'); // true
 * isTimeZone('Mars/Olympus'); // false
 */
export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    formatterOf(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (local wall clock − UTC): positive
 * east of Greenwich. Whole seconds; `time`'s sub-second part is ignored.
 *
 * @throws {RangeError} for a zone `Intl` does not know (check with {@link isTimeZone})
 * @example
 * zoneOffsetMs(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin'); // 7_200_000
 * zoneOffsetMs(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Kolkata'); // 19_800_000
 */
export function zoneOffsetMs(time: EpochMs, zone: string): number {
  if (zone === 'UTC') return 0;
  // Offsets change at most once an hour, so an hour whose two ends agree holds one offset:
  // a series over many records asks Intl once per hour, not once per record.
  const hour = Math.floor(time / HOUR) * HOUR;
  const key = `${zone} ${hour}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const start = exactOffsetMs(hour, zone);
  const end = exactOffsetMs(hour + HOUR - 1000, zone);
  if (start !== end) return exactOffsetMs(time, zone);
  if (hourOffsets.size >= CACHE_LIMIT) hourOffsets.clear();
  hourOffsets.set(key, start);
  return start;
}

const HOUR = 3_600_000;
const CACHE_LIMIT = 100_000;
const hourOffsets = new Map<string, number>();

function exactOffsetMs(time: EpochMs, zone: string): number {
  const parts = formatterOf(zone).formatToParts(time);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - Math.floor(time / 1000) * 1000;
}

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The instant a local wall-clock time names in a zone (`wall` is the wall time written as if it
 * were UTC). A wall time skipped by a spring-forward gap names the instant the gap ends; one
 * repeated by a fall-back names its first occurrence.
 *
 * @example
 * // 2026-03-08 00:00 in New York (EST, UTC−5)
 * wallToInstant(Date.parse('2026-03-08T00:00:00Z'), 'America/New_York'); // Date.parse('2026-03-08T05:00:00Z')
 */
export function wallToInstant(wall: number, zone: string): EpochMs {
  if (zone === 'UTC') return wall;
  // The offsets in force a little before and after: the answer uses one of them.
  const before = zoneOffsetMs(wall - 86_400_000, zone);
  const after = zoneOffsetMs(wall + 86_400_000, zone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + zoneOffsetMs(candidate, zone) === wall) return candidate;
  }
  // In a gap: the local clock jumps over `wall`. The day (or hour) starts where the gap ends,
  // the first instant whose wall time is past `wall`; transitions fall on whole seconds.
  return firstInstantWhere(
    candidates[0] as number,
    candidates[1] as number,
    (time) => time + zoneOffsetMs(time, zone) >= wall,
  );
}

/**
 * The first instant in `(low, high]`, to the second, at which `test` turns true, given it is
 * false at `low`, true at `high` and stays true once true: where an offset change falls.
 * Binary search, about 22 steps over a day.
 */
export function firstInstantWhere(
  low: EpochMs,
  high: EpochMs,
  test: (time: EpochMs) => boolean,
): EpochMs {
  let before = low;
  let after = high;
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (test(middle)) after = middle;
    else before = middle;
  }
  return after;
}
