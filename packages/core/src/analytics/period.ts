import type { EpochMs } from '../domain/records';
import { type NamedTimeRange, previousTimeRange, resolveTimeRange } from '../semantics/time-range';
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
 * Resolves a {@link PeriodQuery} at `now`. A custom period's previous period has the same length
 * and ends at its start; with only `from` the period ends at `now`; with only `to` there is none.
 *
 * @example
 * resolvePeriod({ timeRange: '24h' }, now).previous; // { from: now - 2 * DAY, to: now - DAY }
 */
export function resolvePeriod(query: PeriodQuery, now: EpochMs): ResolvedPeriod {
  const { from, to } = query;
  if (from === undefined && to === undefined) {
    const named = query.timeRange ?? 'all';
    return {
      timeRange: named,
      range: resolveTimeRange(named, now),
      previous: previousTimeRange(named, now),
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
  const previous = from !== undefined && length > 0 ? { from: from - length, to: from } : null;
  return { timeRange: 'custom', range, previous };
}

/** A range on the wire: ISO bounds, null where open. */
export function periodToWire(range: TimeRange): PeriodWire {
  return {
    from: range.from === undefined ? null : new Date(range.from).toISOString(),
    to: range.to === undefined ? null : new Date(range.to).toISOString(),
  };
}
