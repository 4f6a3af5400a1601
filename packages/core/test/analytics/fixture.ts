import { createDashboard, createMemoryStore, type Dashboard } from '@cupid-dashboard/core';
import { HOUR, observation, T0, trace } from '@cupid-dashboard/core/testing';

/** The fixed clock of the hand-made dataset: 2026-11-20T12:00:00Z. */
export const NOW = T0 + 2 * HOUR;
export const DAY = 86_400_000;

/**
 * Three sessions with hand-countable numbers:
 * - `s1` (user u1), 2 h ago: Introduction (gpt-4o, 100/20 tokens, $0.01, 1000 ms) then End
 *   (gpt-4o-mini, 50/10, $0.002, 2000 ms) → chapter 6, completed;
 * - `s2` (user u2), 3 days ago: Mortal (gpt-4o, 10/5, $0.005, 500 ms) with level ERROR → error;
 * - `s3` (no user), 10 days ago: Mortal (gpt-4o, 30/6, $0.003, 1500 ms) → abandoned.
 */
export function handMadeRecords() {
  const s1 = NOW - 2 * HOUR;
  const s2 = NOW - 3 * DAY;
  const s3 = NOW - 10 * DAY;
  return {
    traces: [
      trace({ id: 't1', sessionId: 's1', userId: 'u1', timestamp: s1 }),
      trace({ id: 't2', sessionId: 's2', userId: 'u2', timestamp: s2 }),
      trace({ id: 't3', sessionId: 's3', timestamp: s3 }),
    ],
    observations: [
      observation({
        id: 'o1',
        traceId: 't1',
        name: 'Introduction',
        model: 'gpt-4o',
        startTime: s1,
        endTime: s1 + 1000,
        usageDetails: { input: 100, output: 20 },
        totalCost: 0.01,
        input: [{ role: 'user', content: 'Bonjour, 恋 💘' }],
        output: { role: 'assistant', content: 'Welcome to Cupid' },
      }),
      observation({
        id: 'o2',
        traceId: 't1',
        name: 'End',
        model: 'gpt-4o-mini',
        startTime: s1 + 60_000,
        endTime: s1 + 62_000,
        usageDetails: { input: 50, output: 10 },
        totalCost: 0.002,
      }),
      observation({
        id: 'o3',
        traceId: 't2',
        name: 'Mortal',
        model: 'gpt-4o',
        level: 'ERROR',
        statusMessage: 'upstream timeout',
        startTime: s2,
        endTime: s2 + 500,
        usageDetails: { input: 10, output: 5 },
        totalCost: 0.005,
      }),
      observation({
        id: 'o4',
        traceId: 't3',
        name: 'Mortal',
        model: 'gpt-4o',
        startTime: s3,
        endTime: s3 + 1500,
        usageDetails: { input: 30, output: 6 },
        totalCost: 0.003,
      }),
    ],
  };
}

/** A memory store holding {@link handMadeRecords}, wrapped in a dashboard on the fixed clock. */
export async function handMadeDashboard(
  options: Partial<Parameters<typeof createDashboard>[0]> = {},
): Promise<Dashboard> {
  const store = createMemoryStore({ now: () => NOW });
  const { touched } = await store.upsert(handMadeRecords());
  await store.refresh(touched);
  return createDashboard({ store, now: () => NOW, ...options });
}
