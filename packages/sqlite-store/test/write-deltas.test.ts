import { describe, expect, it } from 'vitest';
import { LatencySketch } from '../src/sketch';
import { addRollupDelta, lostMaxStart } from '../src/write/apply-rollups';
import { type RollupDelta, RollupDeltas } from '../src/write/rollup-deltas';
import type { ObservationFact } from '../src/write/rows';
import { addSessionDelta, type SessionDelta } from '../src/write/session-rollups';
import { addTraceDelta, lostTraceEdge } from '../src/write/trace-aggregates';

function fact(overrides: Partial<ObservationFact>): ObservationFact {
  return {
    id: 'o1',
    traceId: 't1',
    effSessionId: 's1',
    type: 'GENERATION',
    name: 'Mortal',
    model: 'gpt',
    startTime: 3_600_000 + 100,
    cost: 0.5,
    tokensInput: 10,
    tokensOutput: 5,
    tokensTotal: 15,
    latencyMs: 200,
    isError: 0,
    updatedAt: null,
    ...overrides,
  };
}

function onlyDelta(deltas: RollupDeltas): RollupDelta {
  const [delta] = [...deltas.hour.values()];
  if (!delta) throw new Error('no delta');
  return delta;
}

describe('lostTraceEdge', () => {
  const before = { first_start: 100, last_end: 500 };
  const none = { addedFirst: Number.POSITIVE_INFINITY, addedLast: Number.NEGATIVE_INFINITY };

  it('is false for a trace that was not stored or lost nothing', () => {
    expect(lostTraceEdge(undefined, { removed: [{ first: 100, last: 500 }], ...none })).toBe(false);
    expect(lostTraceEdge(before, { removed: [], ...none })).toBe(false);
    expect(lostTraceEdge(before, { removed: [{ first: 200, last: 300 }], ...none })).toBe(false);
  });

  it('is true when a replaced version held the earliest start and nothing added starts as early', () => {
    expect(lostTraceEdge(before, { removed: [{ first: 100, last: 300 }], ...none })).toBe(true);
    expect(
      lostTraceEdge(before, {
        removed: [{ first: 100, last: 300 }],
        addedFirst: 150,
        addedLast: 300,
      }),
    ).toBe(true);
  });

  it('is false when a version added starts at the removed start (a new version of the same span)', () => {
    expect(
      lostTraceEdge(before, {
        removed: [{ first: 100, last: 300 }],
        addedFirst: 100,
        addedLast: 300,
      }),
    ).toBe(false);
  });

  it('is true when a replaced version held the latest end and nothing added ends as late', () => {
    expect(
      lostTraceEdge(before, {
        removed: [{ first: 200, last: 500 }],
        addedFirst: 200,
        addedLast: 400,
      }),
    ).toBe(true);
    expect(
      lostTraceEdge(before, {
        removed: [{ first: 200, last: 500 }],
        addedFirst: 200,
        addedLast: 600,
      }),
    ).toBe(false);
  });

  it('ignores edges of a trace with no observations stored', () => {
    const empty = { first_start: null, last_end: null };
    expect(lostTraceEdge(empty, { removed: [{ first: 0, last: 0 }], ...none })).toBe(false);
  });
});

describe('lostMaxStart', () => {
  it('is true when the removed start reaches the stored maximum and nothing as late is added', () => {
    expect(lostMaxStart({ max_start: 100 }, { removedMax: 100, addedMax: null })).toBe(true);
    expect(lostMaxStart({ max_start: 100 }, { removedMax: 100, addedMax: 90 })).toBe(true);
  });

  it('is false when an added start matches or the removed one was earlier', () => {
    expect(lostMaxStart({ max_start: 100 }, { removedMax: 100, addedMax: 100 })).toBe(false);
    expect(lostMaxStart({ max_start: 100 }, { removedMax: 50, addedMax: null })).toBe(false);
    expect(lostMaxStart({ max_start: 100 }, { removedMax: null, addedMax: 10 })).toBe(false);
  });
});

describe('addRollupDelta', () => {
  it('creates a row from a first delta and adds later ones, sketch included', () => {
    const first = new RollupDeltas();
    first.apply(fact({}), 1);
    const row = addRollupDelta(undefined, onlyDelta(first));
    expect(row).toMatchObject({ bucket: 3_600_000, agent: 'Mortal', has_agent: 1, calls: 1 });
    expect(row?.max_start).toBe(3_600_100);

    const second = new RollupDeltas();
    second.apply(fact({ id: 'o2', startTime: 3_600_900, latencyMs: 400, isError: 1 }), 1);
    const next = addRollupDelta(row ?? undefined, onlyDelta(second));
    expect(next).toMatchObject({
      calls: 2,
      generations: 2,
      errors: 1,
      cost: 1,
      tokens_total: 30,
      latency_count: 2,
      latency_sum: 600,
      max_start: 3_600_900,
    });
    expect(LatencySketch.decode(next?.bins).size).toBe(2);
  });

  it('gives null when the last call is removed, and keeps max_start when a late one is removed', () => {
    const add = new RollupDeltas();
    add.apply(fact({}), 1);
    const row = addRollupDelta(undefined, onlyDelta(add)) ?? undefined;
    const remove = new RollupDeltas();
    remove.apply(fact({}), -1);
    expect(addRollupDelta(row, onlyDelta(remove))).toBeNull();

    const replace = new RollupDeltas();
    replace.apply(fact({}), -1);
    replace.apply(fact({ startTime: 3_600_050 }), 1);
    const replaced = addRollupDelta(row, onlyDelta(replace));
    // Only grows: the lost maximum is re-read by the writer (lostMaxStart says when).
    expect(replaced?.max_start).toBe(3_600_100);
    expect(lostMaxStart(row, onlyDelta(replace))).toBe(true);
  });
});

describe('addSessionDelta and addTraceDelta', () => {
  const delta = (sessions: number, chapters: Array<[string, [number, number]]>): SessionDelta => ({
    bucket: 0,
    sessions,
    durationSum: 10 * sessions,
    cost: sessions,
    tokensInput: 0,
    tokensOutput: 0,
    tokensTotal: 0,
    chapters: new Map(chapters),
  });

  it('adds chapter counts and drops chapters that reach zero', () => {
    const row = addSessionDelta(undefined, delta(2, [['3', [2, 1]]])) ?? undefined;
    expect(JSON.parse(row?.chapters ?? '')).toEqual({ '3': [2, 1] });
    const next = addSessionDelta(
      row,
      delta(0, [
        ['3', [-2, -1]],
        ['null', [2, 0]],
      ]),
    );
    expect(next?.sessions).toBe(2);
    expect(JSON.parse(next?.chapters ?? '')).toEqual({ null: [2, 0] });
    expect(addSessionDelta(row, delta(-2, [['3', [-2, -1]]]))).toBeNull();
  });

  it('adds trace counts and latencies, null at zero traces', () => {
    const row = addTraceDelta(undefined, { bucket: 0, traces: 2, latencyCount: 1, latencySum: 30 });
    expect(row).toEqual({ bucket: 0, traces: 2, latency_count: 1, latency_sum: 30 });
    expect(
      addTraceDelta(row ?? undefined, { bucket: 0, traces: -2, latencyCount: -1, latencySum: -30 }),
    ).toBeNull();
  });
});
