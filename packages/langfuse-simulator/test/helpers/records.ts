import type { ObservationRecord, SessionRecord, TraceRecord } from '@cupid-dashboard/core';
import {
  observation as baseObservation,
  session as baseSession,
  trace as baseTrace,
  T0,
} from '@cupid-dashboard/core/testing';

export { T0 };

/** A session record created at `createdAt`. */
export function session(id: string, createdAt: number, extra: Partial<SessionRecord> = {}) {
  return { ...baseSession(id, createdAt), ...extra };
}

/** A trace named `turn` at `timestamp`. */
export function trace(id: string, timestamp: number, extra: Partial<TraceRecord> = {}) {
  return baseTrace({ id, timestamp, name: 'turn', ...extra });
}

/** A one-second `Mortal` generation on gpt-4o-mini starting at `startTime`. */
export function observation(
  id: string,
  traceId: string | null,
  startTime: number,
  extra: Partial<ObservationRecord> = {},
) {
  return baseObservation({
    id,
    traceId,
    name: 'Mortal',
    startTime,
    endTime: startTime + 1000,
    model: 'gpt-4o-mini',
    ...extra,
  });
}

/**
 * A small world: 2 sessions, 3 traces, 5 observations.
 *
 * s1 (T0) ─ t1 (T0+1s, user u1, tags [a,b]) ─ o1 (T0+1s..+3s, $0.25), o2 (T0+2s..+6s, $0.5, ERROR)
 *          └ t2 (T0+10s, user u1)            ─ o3 (T0+10s, running, no cost)
 * s2 (T0+60s) ─ t3 (T0+60s, user u2)         ─ o4 (T0+60s), o5 (T0+60s, same start as o4)
 */
export function smallWorld() {
  const s = 1000;
  return {
    sessions: [session('s1', T0), session('s2', T0 + 60 * s)],
    traces: [
      trace('t1', T0 + s, { sessionId: 's1', userId: 'u1', tags: ['a', 'b'], release: 'r1' }),
      trace('t2', T0 + 10 * s, { sessionId: 's1', userId: 'u1', name: 'end' }),
      trace('t3', T0 + 60 * s, { sessionId: 's2', userId: 'u2' }),
    ],
    observations: [
      observation('o1', 't1', T0 + s, {
        endTime: T0 + 3 * s,
        completionStartTime: T0 + 1.5 * s,
        totalCost: 0.25,
        usageDetails: { input: 1000, output: 500, total: 1500 },
        costDetails: { input: 0.15, output: 0.1, total: 0.25 },
        input: [{ role: 'user', content: 'Hi' }],
        output: 'Hello, mortal.',
        metadata: { chapter: 1, long: 'x'.repeat(250) },
      }),
      observation('o2', 't1', T0 + 2 * s, {
        endTime: T0 + 6 * s,
        totalCost: 0.5,
        level: 'ERROR',
        type: 'SPAN',
        name: 'Judge',
        parentObservationId: 'o1',
      }),
      observation('o3', 't2', T0 + 10 * s, { endTime: null }),
      observation('o4', 't3', T0 + 60 * s, { environment: 'staging' }),
      observation('o5', 't3', T0 + 60 * s, { sessionId: 'own-session', userId: 'own-user' }),
    ],
  };
}
