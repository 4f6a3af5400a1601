import type { ObservationRecord } from '../../domain/records';
import { type CupidDatasetOptions, resolveDatasetOptions } from './options';
import { planDataset } from './plan';
import { sessionChunks } from './stream';
import type { CupidDataset, CupidSessionChunk } from './types';

function byStart(a: ObservationRecord, b: ObservationRecord): number {
  return a.startTime - b.startTime;
}

/**
 * Joins streamed session chunks into one dataset: sessions in start order, traces and first
 * versions ordered by start time, late versions by `updatedAt` (stable sorts, so ties keep
 * session order).
 */
export function collectChunks(
  chunks: Iterable<CupidSessionChunk>,
  meta: Pick<CupidDataset, 'seed' | 'range' | 'users'>,
): CupidDataset {
  const dataset: CupidDataset = {
    ...meta,
    sessions: [],
    traces: [],
    observations: [],
    lateUpdates: [],
  };
  for (const chunk of chunks) {
    dataset.sessions.push(chunk.session);
    for (const trace of chunk.traces) dataset.traces.push(trace);
    for (const record of chunk.observations) dataset.observations.push(record);
    for (const record of chunk.lateUpdates) dataset.lateUpdates.push(record);
  }
  dataset.traces.sort((a, b) => a.timestamp - b.timestamp);
  dataset.observations.sort(byStart);
  dataset.lateUpdates.sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
  return dataset;
}

/**
 * Generates a realistic, seeded Cupid dataset: players walking chapters 0 → 6 turn by turn, each
 * turn a trace whose observations are the chapter's agents (generations with models, tokens,
 * cost and long-tailed latency; UI and control spans), with abandoned sessions, errors,
 * anonymous players and, on request, late-arriving observation updates. Same options → deep-equal
 * dataset; nothing depends on the wall clock (the window ends 2026-11-15 by default).
 *
 * About 45–50 observations per session on average; keep it under ~20,000 sessions in memory and
 * use {@link streamCupidDataset} beyond. Records share frozen constant objects (metadata, empty
 * usage maps, chat messages): treat them as read-only.
 *
 * @throws {DatasetOptionError} (a `RangeError`) naming the first invalid option.
 * @example
 * const dataset = generateCupidDataset({ seed: 42, sessions: 300, lateUpdates: 0.05 });
 * dataset.sessions.length; // 300
 */
export function generateCupidDataset(options: CupidDatasetOptions = {}): CupidDataset {
  const resolved = resolveDatasetOptions(options);
  const plan = planDataset(resolved);
  return collectChunks(sessionChunks(resolved, plan), {
    seed: resolved.seed,
    range: { from: resolved.from, to: resolved.to },
    users: plan.users,
  });
}
