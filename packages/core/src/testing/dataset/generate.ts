import type { ObservationRecord } from '../../domain/records';
import { type CupidDatasetOptions, resolveDatasetOptions } from './options';
import { planDataset } from './plan';
import type { drawSessionScores } from './scores';
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
    scores: [],
    lateScores: [],
  };
  for (const chunk of chunks) {
    dataset.sessions.push(chunk.session);
    for (const trace of chunk.traces) dataset.traces.push(trace);
    for (const record of chunk.observations) dataset.observations.push(record);
    for (const record of chunk.lateUpdates) dataset.lateUpdates.push(record);
    for (const score of chunk.scores) dataset.scores.push(score);
    for (const score of chunk.lateScores) dataset.lateScores.push(score);
  }
  dataset.traces.sort((a, b) => a.timestamp - b.timestamp);
  dataset.observations.sort(byStart);
  dataset.lateUpdates.sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
  dataset.scores.sort((a, b) => a.timestamp - b.timestamp);
  dataset.lateScores.sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
  return dataset;
}

/**
 * Generates a realistic, seeded Cupid dataset; nothing depends on the wall clock (the window
 * ends 2026-11-15 by default) and the same options give a deep-equal dataset.
 *
 * Shape: a session walks chapters 0 → 6, one trace per turn (`cupid-turn`, tags
 * `['cupid', 'chapter:N']`, timestamp = its root span's start). Each turn has a root SPAN named
 * `cupid-turn` (metadata `{ chapter }`) whose children run one after another: `HasEnded` (a cheap
 * routing GENERATION, every turn), then the chapter's agents — content agents as GENERATIONs
 * (model, usage, cost at {@link MODEL_PRICES}, chat-message input repeating the last 12 messages
 * of the conversation), `Display*` and `StartCupidGame` as SPANs, `End` as an EVENT whose end
 * equals its start. The story chapter (4) has 4–10 turns. Metadata is `{ chapter, agent }`, plus
 * `attempt: 2` on the retry after a failed generation; failed generations are ERROR with a
 * status message and carry no output, usage or cost. Sessions start in `range`; their later
 * turns may run past `range.to`. Complete observations have `updatedAt` = `endTime`. Scores (on
 * by default): an evaluator's `helpfulness`, the players' `user-feedback` and a reviewer's
 * `tone`, see {@link drawSessionScores}.
 *
 * About 49 observations per session on average (20,000 sessions ≈ 1M observations, ≈ 600 MB of
 * heap); beyond that use {@link streamCupidDataset}. Records share frozen constant objects
 * (metadata, tags, empty usage maps, chat messages): treat them as read-only.
 *
 * @throws {DatasetOptionError} (a `RangeError`) naming the first invalid option.
 * @example
 * const dataset = generateCupidDataset({ seed: 42, sessions: 300, lateUpdates: 0.05 });
 * dataset.sessions.length; // 300
 * summarizeDataset(dataset).abandoned; // 90 (round(0.3 × 300))
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
