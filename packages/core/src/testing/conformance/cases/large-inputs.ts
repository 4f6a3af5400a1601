import { describe, expect, it } from 'vitest';
import { observation, T0 } from '../fixtures';
import type { OpenStore } from '../open-store';

/** Sizes that break naive SQL: long text, long ids, big batches, many usage keys. */
export function largeInputCases(open: OpenStore): void {
  describe('large inputs', () => {
    it('stores and searches a one-megabyte message intact', async () => {
      const store = await open();
      const content = `${'lorem ipsum '.repeat(87_381)}NEEDLE-AT-THE-END`;
      await store.upsert({
        observations: [
          observation({
            id: 'big',
            sessionId: 's',
            input: [{ role: 'user', content }],
            output: content,
          }),
        ],
      });
      await store.refresh();
      expect((await store.listSessions({ search: 'needle-at-the-end' })).total).toBe(1);
      const conversation = await store.getConversation({ sessionId: 's' });
      expect(conversation?.messages.map((m) => m.content.length)).toEqual([
        content.length,
        content.length,
      ]);
    });

    it('accepts a batch of 5000 observations with long ids and many usage keys', async () => {
      const store = await open();
      const longPrefix = 'x'.repeat(500);
      const usageDetails = Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`input_part_${i}`, 1]),
      );
      const observations = Array.from({ length: 5000 }, (_, i) =>
        observation({
          id: `${longPrefix}-${i}`,
          sessionId: `session-${i % 50}`,
          traceId: `trace-${i % 500}`,
          name: `Agent${i % 7}`,
          model: `model-${i % 3}`,
          startTime: T0 + i * 1000,
          endTime: T0 + i * 1000 + (i % 97),
          usageDetails: { ...usageDetails, output: 2 },
          totalCost: 0.001,
        }),
      );
      const result = await store.upsert({ observations });
      expect(result.written.observations).toBe(5000);
      expect(result.touched.sessionIds).toHaveLength(50);
      await store.refresh(result.touched);
      expect(await store.counts()).toEqual({
        records: { sessions: 0, traces: 0, observations: 5000, scores: 0 },
        derived: { sessions: 50, traces: 500, agents: 7, models: 3, scoreNames: 0 },
      });
      const stats = await store.getSessionStats();
      expect(stats.total).toBe(50);
      expect(stats.tokens).toEqual({ input: 300_000, output: 10_000, total: 310_000 });
      expect(stats.cost).toBeCloseTo(5, 9);
      const agent = await store.getAgent({ name: 'Agent0' });
      expect(agent?.calls).toBe(715);
    });
  });
}
