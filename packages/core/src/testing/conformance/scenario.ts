import type { UpsertBatch } from '../../store/upsert';
import { HOUR, MINUTE, observation, session, T0, trace } from './fixtures';

/** The hand-made scenario's clock: two hours after T0. */
export const SCENARIO_NOW = T0 + 2 * HOUR;

/**
 * A small world whose every answer is worked out by hand in the cases:
 * - `s1` (user `u1`): traces t1 and t2, observations linked through their traces only (legacy),
 *   chapters 0–2, one `ERROR` → status `error`; the conversation repeats its history.
 * - `s2` (no user): one observation carrying its session, no trace or session record; reaches
 *   chapter 6 → `completed`.
 * - `s3`: a session record and a trace without observations; last activity 20 minutes before
 *   `SCENARIO_NOW` → `active`.
 * - `o6`: an observation with neither session nor trace: counts for agents, models and KPIs only.
 */
export function scenarioBatch(): UpsertBatch {
  return {
    sessions: [session('s3', T0 + 90 * MINUTE)],
    traces: [
      trace({ id: 't1', sessionId: 's1', userId: 'u1', timestamp: T0 }),
      trace({ id: 't2', sessionId: 's1', userId: 'u1', timestamp: T0 + 10 * MINUTE }),
      trace({ id: 't4', sessionId: 's3', timestamp: T0 + 100 * MINUTE }),
    ],
    observations: [
      observation({
        id: 'o1',
        traceId: 't1',
        name: 'Introduction',
        startTime: T0,
        endTime: T0 + 1000,
        model: 'gpt-4o-mini',
        input: [
          { role: 'system', content: 'You are Cupid' },
          { role: 'user', content: 'Hi Cupid' },
        ],
        output: { role: 'assistant', content: 'Welcome, matchmaker!' },
        usageDetails: { input: 100, input_cached_tokens: 20, output: 30 },
        totalCost: 0.001,
      }),
      observation({
        id: 'o2',
        traceId: 't1',
        type: 'SPAN',
        name: 'DisplayMortal',
        startTime: T0 + 2000,
        endTime: T0 + 2500,
      }),
      observation({
        id: 'o3',
        traceId: 't2',
        name: 'Mortal',
        metadata: { chapter: 1 },
        startTime: T0 + 10 * MINUTE,
        endTime: T0 + 10 * MINUTE + 3000,
        model: 'gpt-4o',
        input: JSON.stringify([
          { role: 'system', content: 'Describe a mortal' },
          { role: 'user', content: 'Hi Cupid' },
          { role: 'assistant', content: 'Welcome, matchmaker!' },
          { role: 'user', content: 'Show me a mortal' },
        ]),
        output: 'Meet Léa, 39.',
        usageDetails: { input: 200, output: 50, total: 260 },
        costDetails: { input: 0.002, output: 0.003 },
      }),
      observation({
        id: 'o4',
        traceId: 't2',
        name: 'Match',
        level: 'ERROR',
        statusMessage: 'rate limit',
        startTime: T0 + 11 * MINUTE,
        endTime: T0 + 11 * MINUTE + 500,
        model: 'gpt-4o',
        input: {
          messages: [
            { role: 'user', content: 'Show me a mortal' },
            { role: 'assistant', content: 'Meet Léa, 39.' },
            { role: 'user', content: [{ type: 'text', text: 'Find a match' }] },
          ],
        },
      }),
      observation({
        id: 'o5',
        traceId: 't3',
        sessionId: 's2',
        name: 'End',
        startTime: T0 + 30 * MINUTE,
        endTime: T0 + 30 * MINUTE + 1000,
        model: null,
        input: 'Goodbye',
        output: '{"role":"assistant","content":"Farewell"}',
        usageDetails: { input: 10, output: 5 },
        totalCost: 0.0001,
      }),
      observation({
        id: 'o6',
        name: 'HasEnded',
        startTime: T0 + 5 * MINUTE,
        endTime: T0 + 5 * MINUTE + 200,
        model: 'gpt-4o-mini',
        usageDetails: { input: 7, output: 1, total: 8 },
        totalCost: 0.0005,
      }),
    ],
  };
}
