import type { EpochMs } from '../domain/records';
import { bucketStart } from '../semantics/buckets';
import {
  daysBefore,
  type NamedTimeRange,
  previousTimeRange,
  resolveTimeRange,
} from '../semantics/time-range';
import { DEFAULT_TIME_ZONE, isTimeZone, zoneOffsetMs } from '../semantics/time-zones';
import type { TimeRange } from '../store/common';
import { AnalyticsError } from './errors';
import type { PeriodWire, TimeRangeWire } from './wire/common';

/**
 * The period of an analytics query: a named `timeRange` ending now, or explicit `from`/`to`
 * (epoch ms), which take precedence over `timeRange` when either is given.
 *
 * @example
 * const query: PeriodQuery = { timeRange: '7d' };
 * const custom: PeriodQuery = { from: Date.parse('2026-11-01'), to: Date.parse('2026-11-08') };
 */
export interface PeriodQuery {
  /** Default `'all'`. */
  timeRange?: NamedTimeRange;
  /** Inclusive lower bound, epoch ms. */
  from?: EpochMs;
  /** Exclusive upper bound, epoch ms; must be after `from`. */
  to?: EpochMs;
  /**
   * IANA zone whose local days the period counts (`7d`, `30d`, a custom period of whole local
   * days) and the series buckets by. Default `'UTC'`.
   */
  timeZone?: string;
}

/** A period resolved against the clock. */
export interface ResolvedPeriod {
  /** The named range, or `'custom'` for `from`/`to`. */
  timeRange: TimeRangeWire;
  range: TimeRange;
  /** The period of the same length just before; null when the period has no length (all time). */
  previous: TimeRange | null;
}

/**
 * The zone of a query, checked: `'UTC'` when absent.
 *
 * @throws {AnalyticsError} on `tz` for a name that is not an IANA zone
 */
export function periodZone(query: PeriodQuery): string {
  const zone = query.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) {
    throw new AnalyticsError('tz', 'tz must be an IANA time zone name, e.g. Europe/Berlin');
  }
  return zone;
}

/**
 * Resolves a {@link PeriodQuery} at `now`. A custom period's previous period ends at its start
 * and has the same length, or, when both bounds are local midnights of the query's zone, as many
 * local days (so the day before a 23-hour day has 24 hours); with only `from` the period ends at
 * `now`; with only `to` there is none.
 *
 * @throws {AnalyticsError} for a bad bound or zone
 * @example
 * resolvePeriod({ timeRange: '24h' }, now).previous; // { from: now - 2 * DAY, to: now - DAY }
 */
export function resolvePeriod(query: PeriodQuery, now: EpochMs): ResolvedPeriod {
  const { from, to } = query;
  const zone = periodZone(query);
  if (from === undefined && to === undefined) {
    const named = query.timeRange ?? 'all';
    return {
      timeRange: named,
      range: resolveTimeRange(named, now, zone),
      previous: previousTimeRange(named, now, zone),
    };
  }
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new AnalyticsError(field, `${field} must be a valid time`);
    }
  }
  if (from !== undefined && to !== undefined && to <= from) {
    throw new AnalyticsError('to', 'to must be after from');
  }
  const range: TimeRange = {};
  if (from !== undefined) range.from = from;
  if (to !== undefined) range.to = to;
  const end = to ?? now;
  const length = from === undefined ? 0 : end - from;
  if (from === undefined || length <= 0) return { timeRange: 'custom', range, previous: null };
  const days = to === undefined ? null : localDays(from, to, zone);
  const previousFrom = days === null ? from - length : daysBefore(from, days, zone);
  return { timeRange: 'custom', range, previous: { from: previousFrom, to: from } };
}

// How many local days `[from, to)` spans when both bounds are local midnights; null otherwise.
function localDays(from: EpochMs, to: EpochMs, zone: string): number | null {
  if (bucketStart(from, 'day', zone) !== from || bucketStart(to, 'day', zone) !== to) return null;
  const wallDays = (to + zoneOffsetMs(to, zone) - (from + zoneOffsetMs(from, zone))) / 86_400_000;
  return Math.round(wallDays);
}

/** A range on the wire: ISO bounds, null where open. */
export function periodToWire(range: TimeRange): PeriodWire {
  return {
    from: range.from === undefined ? null : new Date(range.from).toISOString(),
    to: range.to === undefined ? null : new Date(range.to).toISOString(),
  };
}
