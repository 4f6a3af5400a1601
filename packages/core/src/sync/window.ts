import type { EpochMs } from '../domain/records';
import type { SyncWindow } from './types';

/**
 * The window a new run reads: `[max(startFrom, watermark − lookback), runStart)`. Without a
 * watermark (the first run) it starts at `startFrom`, or at the beginning when that is null.
 * The window is fixed when the run starts, so data arriving during the run is left to the next
 * one (which re-reads the lookback anyway).
 *
 * @example
 * runWindow({ watermark: 10_000, lookbackMs: 3_000, startFrom: null, runStart: 20_000 });
 * // { from: 7_000, to: 20_000 }
 */
export function runWindow(input: {
  watermark: EpochMs | null;
  lookbackMs: number;
  startFrom: EpochMs | null;
  runStart: EpochMs;
}): SyncWindow {
  const { watermark, lookbackMs, startFrom, runStart } = input;
  const fromWatermark = watermark === null ? null : watermark - lookbackMs;
  let from: EpochMs | null = fromWatermark;
  if (startFrom !== null) from = from === null ? startFrom : Math.max(from, startFrom);
  // A clock that went backwards must not produce an inverted window.
  if (from !== null && from > runStart) from = runStart;
  return { from, to: runStart };
}
