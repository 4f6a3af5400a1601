/**
 * A memory store that also keeps the record versions it accepted, under the same version rule,
 * so tests can compare "what the store holds" with the source. `counts()` of the real store is
 * checked against the mirror by `expectStoreEquals`.
 */
import { expect } from 'vitest';
import {
  createMemoryStore,
  type DashboardStore,
  type ObservationRecord,
  replacesStored,
  type ScoreRecord,
  type SessionRecord,
  type TraceRecord,
} from '../../../src/index';

export interface MirrorStore extends DashboardStore {
  readonly mirror: {
    sessions: Map<string, SessionRecord>;
    traces: Map<string, TraceRecord>;
    observations: Map<string, ObservationRecord>;
    scores: Map<string, ScoreRecord>;
  };
}

export function createMirrorStore(
  options: Parameters<typeof createMemoryStore>[0] = {},
): MirrorStore {
  const inner = createMemoryStore(options);
  const mirror = {
    sessions: new Map<string, SessionRecord>(),
    traces: new Map<string, TraceRecord>(),
    observations: new Map<string, ObservationRecord>(),
    scores: new Map<string, ScoreRecord>(),
  };
  const store: MirrorStore = Object.create(inner) as MirrorStore;
  Object.assign(store, {
    mirror,
    upsert: async (batch: Parameters<DashboardStore['upsert']>[0]) => {
      const result = await inner.upsert(batch);
      for (const s of batch.sessions ?? []) mirror.sessions.set(s.id, s);
      for (const t of batch.traces ?? []) {
        if (replacesStored(t, mirror.traces.get(t.id))) mirror.traces.set(t.id, t);
      }
      for (const o of batch.observations ?? []) {
        if (replacesStored(o, mirror.observations.get(o.id))) mirror.observations.set(o.id, o);
      }
      for (const score of batch.scores ?? []) {
        if (replacesStored(score, mirror.scores.get(score.id))) mirror.scores.set(score.id, score);
      }
      return result;
    },
  });
  return store;
}

/** The fields the simulator's truth checksum covers, one line per record, sorted by id. */
export function canonical(
  records: {
    sessions: Iterable<SessionRecord>;
    traces: Iterable<TraceRecord>;
    observations: Iterable<ObservationRecord>;
  },
  withUpdatedAt = true,
) {
  const lines = <T extends { id: string }>(list: Iterable<T>, line: (r: T) => string) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : 1)).map(line);
  return {
    sessions: lines(records.sessions, (s) => `${s.id}|${s.createdAt}|${s.environment}`),
    traces: lines(
      records.traces,
      (t) => `${t.id}|${t.timestamp}|${t.sessionId}|${t.userId}|${t.name}|${t.tags.join(',')}`,
    ),
    observations: lines(records.observations, (o) => {
      const base = `${o.id}|${o.traceId}|${o.startTime}|${o.endTime}|${o.totalCost}|${o.level}`;
      return withUpdatedAt ? `${base}|${o.updatedAt}` : base;
    }),
  };
}

/** The score fields a sync must carry over, one line per score, sorted by id. */
function scoreLines(scores: Iterable<ScoreRecord>): string[] {
  return [...scores]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (s) =>
        `${s.id}|${s.name}|${s.dataType}|${s.value}|${s.stringValue}|${s.source}|${s.timestamp}|` +
        `${s.traceId}|${s.observationId}|${s.sessionId}|${s.updatedAt}`,
    );
}

/**
 * Asserts the store holds exactly `expected` (by the canonical fields) and counts agree; scores
 * too when `expected` has them (a generated dataset's first versions, or the source's current).
 */
export async function expectStoreEquals(
  store: MirrorStore,
  expected: {
    sessions: Iterable<SessionRecord>;
    traces: Iterable<TraceRecord>;
    observations: Iterable<ObservationRecord>;
    scores?: Iterable<ScoreRecord>;
  },
  options: { withUpdatedAt?: boolean } = {},
): Promise<void> {
  const withUpdatedAt = options.withUpdatedAt ?? true;
  const actual = canonical(
    {
      sessions: store.mirror.sessions.values(),
      traces: store.mirror.traces.values(),
      observations: store.mirror.observations.values(),
    },
    withUpdatedAt,
  );
  const want = canonical(expected, withUpdatedAt);
  expect(actual.sessions).toEqual(want.sessions);
  expect(actual.traces).toEqual(want.traces);
  expect(actual.observations).toEqual(want.observations);
  const scores = scoreLines(store.mirror.scores.values());
  if (expected.scores) expect(scores).toEqual(scoreLines(expected.scores));
  const counts = await store.counts();
  expect(counts.records).toEqual({
    sessions: want.sessions.length,
    traces: want.traces.length,
    observations: want.observations.length,
    scores: scores.length,
  });
}
