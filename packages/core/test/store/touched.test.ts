import { describe, expect, it } from 'vitest';
import { countTouched, TouchedSet } from '../../src/index';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('TouchedSet', () => {
  it('collects distinct keys, skips null and undefined, and keeps times as their UTC hour', () => {
    const touched = new TouchedSet();
    touched.addSession('s1');
    touched.addSession('s1');
    touched.addSession(null);
    touched.addTrace(undefined);
    touched.addTrace('t1');
    touched.addAgent(null);
    touched.addModel('gpt-4o');
    touched.addTime(T0 + 42 * 60_000);
    touched.addTime(T0 + 59 * 60_000);
    touched.addTime(T0 + HOUR);
    expect(touched.toKeys()).toEqual({
      sessionIds: ['s1'],
      traceIds: ['t1'],
      agentNames: [],
      models: ['gpt-4o'],
      hourBuckets: [T0, T0 + HOUR],
    });
  });

  it('adds an observation’s keys and merges other key sets', () => {
    const touched = new TouchedSet();
    touched.addObservation({
      effSessionId: 's1',
      traceId: null,
      name: 'Mortal',
      model: null,
      startTime: T0 + 1,
    });
    touched.addAll({
      sessionIds: ['s1', 's2'],
      traceIds: ['t'],
      agentNames: ['Mortal', 'End'],
      models: ['m'],
      hourBuckets: [T0 + 2 * HOUR],
    });
    const keys = touched.toKeys();
    expect(keys).toEqual({
      sessionIds: ['s1', 's2'],
      traceIds: ['t'],
      agentNames: ['Mortal', 'End'],
      models: ['m'],
      hourBuckets: [T0, T0 + 2 * HOUR],
    });
    // The arrays are snapshots: later adds leave them alone.
    touched.addSession('s3');
    expect(keys.sessionIds).toEqual(['s1', 's2']);
  });
});

describe('countTouched', () => {
  it('counts the keys of each kind', () => {
    expect(
      countTouched({
        sessionIds: ['a', 'b', 'c'],
        traceIds: [],
        agentNames: ['Mortal'],
        models: ['x', 'y'],
        hourBuckets: [0, HOUR, 2 * HOUR, 3 * HOUR],
      }),
    ).toEqual({ sessions: 3, traces: 0, agents: 1, models: 2, hourBuckets: 4 });
  });
});
