/**
 * A store wrapper that keeps the record versions the wrapped store accepted, under the store
 * contract's version rule, so a test can checksum "what the store holds" the way the simulator
 * checksums its truth. The wrapped store's own `counts()` is compared as well.
 */
import {
  type DashboardStore,
  type ObservationRecord,
  replacesStored,
  type ScoreRecord,
  type SessionRecord,
  type TraceRecord,
} from '@cupid-dashboard/core';
import type { RecordSet } from '@cupid-dashboard/langfuse-simulator';

export interface MirrorStore extends DashboardStore {
  records(): RecordSet;
}

export function mirrorStore(inner: DashboardStore): MirrorStore {
  const sessions = new Map<string, SessionRecord>();
  const traces = new Map<string, TraceRecord>();
  const observations = new Map<string, ObservationRecord>();
  const scores = new Map<string, ScoreRecord>();
  const store = Object.create(inner) as MirrorStore;
  Object.assign(store, {
    records: () => ({
      sessions: [...sessions.values()],
      traces: [...traces.values()],
      observations: [...observations.values()],
      scores: [...scores.values()],
    }),
    upsert: async (batch: Parameters<DashboardStore['upsert']>[0]) => {
      const result = await inner.upsert(batch);
      for (const s of batch.sessions ?? []) sessions.set(s.id, s);
      for (const t of batch.traces ?? [])
        if (replacesStored(t, traces.get(t.id))) traces.set(t.id, t);
      for (const o of batch.observations ?? []) {
        if (replacesStored(o, observations.get(o.id))) observations.set(o.id, o);
      }
      for (const score of batch.scores ?? []) {
        if (replacesStored(score, scores.get(score.id))) scores.set(score.id, score);
      }
      return result;
    },
  });
  return store;
}
