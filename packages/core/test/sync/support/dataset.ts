import type { ObservationRecord, SessionRecord, TraceRecord } from '../../../src/index';
import { generateCupidDataset } from '../../../src/testing/index';

/** A small generated dataset (3 sessions, ~150 observations) and its time span. */
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
  return { dataset, first: Math.min(...starts), last, end: last + 60_000 };
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
