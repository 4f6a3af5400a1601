import type { ObservationRecord, SessionRecord, TraceRecord } from '../../../src/index';
import { generateCupidDataset } from '../../../src/testing/index';

/**
 * A small generated dataset (3 sessions, ~150 observations, their scores) and its time span:
 * `end` is a minute after the last observation start and the last score, so a run ending then
 * reads everything.
 */
export function smallDataset(
  options: { sessions?: number; lateUpdates?: number; seed?: number } = {},
) {
  const dataset = generateCupidDataset({
    seed: options.seed ?? 7,
    sessions: options.sessions ?? 3,
    days: 1,
    lateUpdates: options.lateUpdates ?? 0,
  });
  const starts = dataset.observations.map((o) => o.startTime);
  const last = Math.max(...starts);
  const lastScore = Math.max(last, ...dataset.scores.map((score) => score.timestamp));
  return { dataset, first: Math.min(...starts), last, end: lastScore + 60_000 };
}

/** Applies later versions by id, as the source would. */
export function withUpdates(
  records: { sessions: SessionRecord[]; traces: TraceRecord[]; observations: ObservationRecord[] },
  updates: ObservationRecord[],
) {
  const byId = new Map(records.observations.map((o) => [o.id, o]));
  for (const update of updates) byId.set(update.id, update);
  return { sessions: records.sessions, traces: records.traces, observations: [...byId.values()] };
}

/** Requests a walk of `count` records takes at `limit` per page: at least one. */
export function pagesOf(count: number, limit: number): number {
  return Math.max(1, Math.ceil(count / limit));
}
