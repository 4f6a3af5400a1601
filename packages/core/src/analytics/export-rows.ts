import type { EpochMs } from '../domain/records';
import { periodToWire, type ResolvedPeriod } from './period';
import type { ExportRows } from './types';

/** The period fields of an export taken at `now`. */
export function exportPeriod(
  period: ResolvedPeriod,
  now: EpochMs,
): Omit<ExportRows<unknown>, 'rows'> {
  return {
    timeRange: period.timeRange,
    period: periodToWire(period.range),
    asOf: new Date(now).toISOString(),
  };
}

/** Maps each row of an iterable lazily. */
export async function* mapAsync<T, U>(
  rows: AsyncIterable<T> | Iterable<T>,
  map: (row: T) => U,
): AsyncGenerator<U> {
  for await (const row of rows) yield map(row);
}
