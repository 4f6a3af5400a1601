import { describe, expect, it } from 'vitest';
import {
  activityEnd,
  foldObservation,
  foldSessionCreated,
  foldTrace,
  newSessionFold,
  type SessionFoldObservation,
  sessionFoldIsEmpty,
} from '../../src/semantics/index';

function observation(overrides: Partial<SessionFoldObservation>): SessionFoldObservation {
  return {
    id: 'o',
    traceId: null,
    type: 'SPAN',
    name: null,
    userId: null,
    startTime: 0,
    endTime: null,
    chapter: null,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    isError: false,
    ...overrides,
  };
}

describe('session fold', () => {
  it('is empty until a record, trace or observation is folded in', () => {
    const fold = newSessionFold();
    expect(sessionFoldIsEmpty(fold)).toBe(true);
    foldSessionCreated(fold, 5_000);
    expect(sessionFoldIsEmpty(fold)).toBe(false);
    expect([fold.startedAt, fold.lastActivityAt]).toEqual([5_000, 5_000]);
  });

  it('spans from the earliest start to the latest activity end', () => {
    const fold = newSessionFold();
    foldTrace(fold, { id: 't1', timestamp: 2_000, userId: null });
    foldObservation(fold, observation({ id: 'a', startTime: 1_000, endTime: 9_000 }));
    foldObservation(fold, observation({ id: 'b', startTime: 3_000, endTime: 2_500 }));
    expect([fold.startedAt, fold.lastActivityAt]).toEqual([1_000, 9_000]);
  });

  it("keeps the earliest trace's user over any observation's, in whatever order they come", () => {
    const fold = newSessionFold();
    foldObservation(fold, observation({ id: 'a', startTime: 0, userId: 'from-observation' }));
    expect(fold.userId).toBe('from-observation');
    foldTrace(fold, { id: 't2', timestamp: 2_000, userId: 'later-trace' });
    foldTrace(fold, { id: 't1', timestamp: 1_000, userId: 'earliest-trace' });
    foldTrace(fold, { id: 't0', timestamp: 500, userId: null });
    foldObservation(fold, observation({ id: 'b', startTime: -1, userId: 'earlier-observation' }));
    expect(fold.userId).toBe('earliest-trace');
  });

  it('breaks a tie between traces at the same time by id', () => {
    const fold = newSessionFold();
    foldTrace(fold, { id: 'tb', timestamp: 1_000, userId: 'b' });
    foldTrace(fold, { id: 'ta', timestamp: 1_000, userId: 'a' });
    expect(fold.userId).toBe('a');
  });

  it('counts traces, generations, errors, tokens, cost and the highest chapter', () => {
    const fold = newSessionFold();
    foldTrace(fold, { id: 't1', timestamp: 0, userId: null });
    const tokens = { input: 10, output: 5, total: 15 };
    foldObservation(
      fold,
      observation({ id: 'a', traceId: 't1', type: 'GENERATION', chapter: 3, cost: 0.5, tokens }),
    );
    foldObservation(
      fold,
      observation({ id: 'b', traceId: 't2', chapter: 1, cost: 0.25, tokens, isError: true }),
    );
    expect(fold).toMatchObject({
      observationCount: 2,
      generationCount: 1,
      errorCount: 1,
      chapterReached: 3,
      cost: 0.75,
      tokens: { input: 20, output: 10, total: 30 },
    });
    expect([...fold.traceIds].sort()).toEqual(['t1', 't2']);
  });

  it("keeps each agent's earliest call", () => {
    const fold = newSessionFold();
    foldObservation(fold, observation({ id: 'a', name: 'Mortal', startTime: 2_000 }));
    foldObservation(fold, observation({ id: 'b', name: 'Mortal', startTime: 1_000 }));
    foldObservation(fold, observation({ id: 'c', name: 'Match', startTime: 3_000 }));
    foldObservation(fold, observation({ id: 'd', startTime: 0 }));
    expect(Object.fromEntries(fold.firstCalls)).toEqual({ Mortal: 1_000, Match: 3_000 });
  });
});

describe('activityEnd', () => {
  it('is the end, or the start when there is none or it lies before the start', () => {
    expect(activityEnd(1_000, 3_500)).toBe(3_500);
    expect(activityEnd(1_000, null)).toBe(1_000);
    expect(activityEnd(1_000, 900)).toBe(1_000);
  });
});
