import type { EpochMs } from '../../domain/records';
import { generateCupidDataset } from '../dataset/generate';
import type { CupidDatasetOptions } from '../dataset/options';
import type { CupidDataset } from '../dataset/types';

/**
 * How records reach the store, mirroring the two Langfuse API generations:
 * - `full`: session, trace and observation records, observations carrying their session;
 * - `legacy`: observations without `sessionId`/`userId` (v1 observations lack them), so sessions
 *   come through traces;
 * - `v2`: observations only, no trace or session records (v4 has none).
 */
export type DatasetShape = 'full' | 'legacy' | 'v2';

/** One generated dataset the suite runs every query against. */
export interface ConformanceDataset {
  name: string;
  options: CupidDatasetOptions;
  shape: DatasetShape;
}

/** The default datasets: different seeds, sizes, time spans, error and anonymity rates and shapes. */
export const DEFAULT_CONFORMANCE_DATASETS: readonly ConformanceDataset[] = [
  {
    name: 'small week',
    shape: 'full',
    options: { seed: 1, sessions: 50, days: 7, lateUpdates: 0.1 },
  },
  {
    name: 'month with many errors and anonymous players',
    shape: 'full',
    options: {
      seed: 7,
      sessions: 200,
      days: 30,
      lateUpdates: 0.05,
      errorRate: 0.3,
      anonymousRate: 0.25,
    },
  },
  {
    name: 'legacy shape',
    shape: 'legacy',
    options: { seed: 11, sessions: 120, days: 10, lateUpdates: true },
  },
  {
    name: 'v2 shape',
    shape: 'v2',
    options: { seed: 13, sessions: 120, days: 3, lateUpdates: true },
  },
  {
    name: 'dense two days',
    shape: 'full',
    options: { seed: 29, sessions: 400, days: 2, abandonRate: 0.5, lateUpdates: 0.02 },
  },
];

/** A generated dataset in the shape asked for, plus the `now` its queries use. */
export interface ShapedDataset {
  dataset: CupidDataset;
  /** Five minutes after the last activity: some sessions are still active, most are not. */
  now: EpochMs;
}

/** Generates a conformance dataset and reshapes its records. */
export function buildDataset(spec: ConformanceDataset): ShapedDataset {
  const dataset = generateCupidDataset(spec.options);
  const shaped: CupidDataset =
    spec.shape === 'full'
      ? dataset
      : spec.shape === 'legacy'
        ? {
            ...dataset,
            observations: dataset.observations.map((o) => ({
              ...o,
              sessionId: null,
              userId: null,
            })),
            lateUpdates: dataset.lateUpdates.map((o) => ({ ...o, sessionId: null, userId: null })),
          }
        : { ...dataset, sessions: [], traces: [] };
  let last = Number.NEGATIVE_INFINITY;
  for (const o of [...shaped.observations, ...shaped.lateUpdates]) {
    last = Math.max(last, o.startTime, o.endTime ?? o.startTime);
  }
  return { dataset: shaped, now: (Number.isFinite(last) ? last : dataset.range.to) + 5 * 60_000 };
}
