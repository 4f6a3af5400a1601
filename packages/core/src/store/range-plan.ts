import { BUCKET_MS } from '../semantics/buckets';
import type { TimeRange } from './common';

/** A half-open span `[from, to)`; a null bound is open. */
export interface Span {
  from: number | null;
  to: number | null;
}

/**
 * How a time range is answered by a store with hourly and daily rollups: whole UTC days from the daily rollups, whole hours from the
 * hourly rollups, and the partial hours at its edges from the raw rows (at most two hours' worth).
 */
export interface RangePlan {
  /** Raw spans, bounded on both sides. */
  raw: Array<{ from: number; to: number }>;
  /** Spans of whole hours (bucket starts in `[from, to)`). */
  hours: Span[];
  /** A span of whole days, or null. */
  days: Span | null;
}

const HOUR = BUCKET_MS.hour;
const DAY = BUCKET_MS.day;

/**
 * Splits a range into raw edges, whole hours and whole days.
 *
 * @param useDays false when the answer is bucketed by hour (a day row cannot be split)
 * @example
 * planRange({ from: 90 * 60_000, to: 3 * 86_400_000 }, true);
 * // raw [1.5h, 2h); hours [2h, 24h); days [1d, 3d)
 */
export function planRange(range: TimeRange | undefined, useDays: boolean): RangePlan {
  const from = range?.from;
  const to = range?.to;
  if (from !== undefined && to !== undefined && from >= to)
    return { raw: [], hours: [], days: null };
  const hourLow = from === undefined ? null : ceilTo(from, HOUR);
  const hourHigh = to === undefined ? null : floorTo(to, HOUR);
  if (hourLow !== null && hourHigh !== null && hourLow >= hourHigh) {
    return { raw: [{ from: from as number, to: to as number }], hours: [], days: null };
  }
  const raw: Array<{ from: number; to: number }> = [];
  if (from !== undefined && hourLow !== null && from < hourLow) raw.push({ from, to: hourLow });
  if (to !== undefined && hourHigh !== null && hourHigh < to) raw.push({ from: hourHigh, to });
  if (!useDays) return { raw, hours: [{ from: hourLow, to: hourHigh }], days: null };
  const dayLow = hourLow === null ? null : ceilTo(hourLow, DAY);
  const dayHigh = hourHigh === null ? null : floorTo(hourHigh, DAY);
  if (dayLow !== null && dayHigh !== null && dayLow >= dayHigh) {
    return { raw, hours: [{ from: hourLow, to: hourHigh }], days: null };
  }
  const hours: Span[] = [];
  if (hourLow !== null && dayLow !== null && hourLow < dayLow)
    hours.push({ from: hourLow, to: dayLow });
  if (hourHigh !== null && dayHigh !== null && dayHigh < hourHigh) {
    hours.push({ from: dayHigh, to: hourHigh });
  }
  return { raw, hours, days: { from: dayLow, to: dayHigh } };
}

/**
 * A raw edge that fills its hour from one side, seen as its whole hour minus the rest of that
 * hour: a store may answer it from the hour's rollup less the raw rows `outside` the range when
 * those are fewer than the rows inside.
 */
export interface EdgeHour {
  /** Start of the hour (epoch ms). */
  hour: number;
  /** The raw edge, inside the range. */
  inside: { from: number; to: number };
  /** The rest of the hour, outside the range. */
  outside: { from: number; to: number };
}

/**
 * The hour of a raw edge of {@link planRange} and the part of it outside the range; null when the
 * edge does not reach either end of its hour (a range inside one hour) or crosses an hour.
 *
 * @example
 * edgeHour({ from: 90 * 60_000, to: 2 * 3_600_000 });
 * // { hour: 3_600_000, inside: [1.5h, 2h), outside: [1h, 1.5h) }
 */
export function edgeHour(inside: { from: number; to: number }): EdgeHour | null {
  const hour = floorTo(inside.from, HOUR);
  const end = hour + HOUR;
  if (inside.from >= inside.to || inside.to > end) return null;
  if (inside.from === hour && inside.to < end) {
    return { hour, inside, outside: { from: inside.to, to: end } };
  }
  if (inside.from > hour && inside.to === end) {
    return { hour, inside, outside: { from: hour, to: inside.from } };
  }
  return null;
}

function ceilTo(time: number, width: number): number {
  return Math.ceil(time / width) * width;
}

function floorTo(time: number, width: number): number {
  return Math.floor(time / width) * width;
}

/**
 * The rollup reads of a range plan: its whole days from the daily table, its whole hours from
 * the hourly one (the raw edges are each reader's own). Every rollup reader walks these.
 *
 * @example
 * for (const { table, span } of rollupSpans(plan, { day: 'trace_day', hour: 'trace_hour' })) …
 */
export function rollupSpans<T extends string>(
  plan: RangePlan,
  tables: { day: T; hour: T },
): Array<{ table: T; span: Span }> {
  const reads: Array<{ table: T; span: Span }> = [];
  if (plan.days) reads.push({ table: tables.day, span: plan.days });
  for (const span of plan.hours) reads.push({ table: tables.hour, span });
  return reads;
}
