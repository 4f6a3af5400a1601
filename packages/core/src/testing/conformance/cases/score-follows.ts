import { describe, expect, it } from 'vitest';
import type { ScoreDetailParams } from '../../../store/scores';
import type { DashboardStore } from '../../../store/store';
import { HOUR, MINUTE, observation, score, T0, trace } from '../fixtures';
import type { OpenStore } from '../open-store';

/** A score name's breakdowns as `[key, count, mean]` rows. */
async function breakdowns(store: DashboardStore, query: Partial<ScoreDetailParams> = {}) {
  const detail = await store.getScore({ name: 'helpfulness', ...query });
  const rows = (list: { key: string; count: number; mean: number | null }[] = []) =>
    list.map((row) => [row.key, row.count, row.mean]);
  return { byAgent: rows(detail?.byAgent), byModel: rows(detail?.byModel) };
}

/** The lowest-scoring sessions as `[sessionId, count, mean]` rows. */
async function lowest(store: DashboardStore, query: Partial<ScoreDetailParams> = {}) {
  const detail = await store.getScore({ name: 'helpfulness', lowestSessionsLimit: 100, ...query });
  return (detail?.lowestSessions ?? []).map((row) => [row.sessionId, row.count, row.mean]);
}

/**
 * What a score's statistics follow after it is written: the agent and model of its observation
 * as stored now, the scores of a session inside the range asked for, and the session's mean as
 * its scores change. Stores that keep rollups for these must keep them current.
 */
export function scoreFollowCases(open: OpenStore): void {
  describe('score statistics that follow later writes', () => {
    it('breaks scores down by the agent and model their observation has now', async () => {
      const store = await open();
      await store.upsert({
        scores: [
          score({ id: 'a', observationId: 'o1', value: 0.2, timestamp: T0 + 10 * MINUTE }),
          score({ id: 'b', observationId: 'o1', value: 0.6, timestamp: T0 + HOUR }),
        ],
      });
      await store.refresh();
      expect(await breakdowns(store)).toEqual({ byAgent: [], byModel: [] });
      await store.upsert({
        observations: [observation({ id: 'o1', name: 'Mortal', model: 'gpt-4o', updatedAt: 1 })],
      });
      await store.refresh();
      expect(await breakdowns(store)).toEqual({
        byAgent: [['Mortal', 2, 0.4]],
        byModel: [['gpt-4o', 2, 0.4]],
      });
      await store.upsert({
        observations: [
          observation({ id: 'o1', name: 'Match', model: 'gpt-4o-mini', updatedAt: 2 }),
        ],
      });
      await store.refresh();
      expect(await breakdowns(store)).toEqual({
        byAgent: [['Match', 2, 0.4]],
        byModel: [['gpt-4o-mini', 2, 0.4]],
      });
      // A range that cuts an hour: only the later score is in it.
      expect(await breakdowns(store, { range: { from: T0 + 30 * MINUTE } })).toEqual({
        byAgent: [['Match', 1, 0.6]],
        byModel: [['gpt-4o-mini', 1, 0.6]],
      });
      // A later score on the same observation lands under its agent at once.
      await store.upsert({
        scores: [score({ id: 'c', observationId: 'o1', value: 1, timestamp: T0 + 2 * HOUR })],
      });
      await store.refresh();
      expect((await breakdowns(store)).byAgent).toEqual([['Match', 3, 0.6]]);
    });

    it('ranks the lowest sessions by their scores inside the range only', async () => {
      const store = await open();
      await store.upsert({
        traces: [trace({ id: 't1', sessionId: 's1' }), trace({ id: 't2', sessionId: 's2' })],
        scores: [
          score({ id: 'a', traceId: 't1', value: 0.1, timestamp: T0 + 10 * MINUTE }),
          score({ id: 'b', traceId: 't1', value: 0.9, timestamp: T0 + 3 * HOUR }),
          score({ id: 'c', traceId: 't2', value: 0.5, timestamp: T0 + 30 * MINUTE }),
          score({ id: 'd', traceId: 't2', value: 0.7, timestamp: T0 + 100 * MINUTE }),
        ],
      });
      await store.refresh();
      expect(await lowest(store)).toEqual([
        ['s1', 2, 0.5],
        ['s2', 2, 0.6],
      ]);
      // Each range cuts a session: only its scores inside count, whole hours or not.
      expect(await lowest(store, { range: { from: T0, to: T0 + 2 * HOUR } })).toEqual([
        ['s1', 1, 0.1],
        ['s2', 2, 0.6],
      ]);
      expect(await lowest(store, { range: { from: T0 + 20 * MINUTE } })).toEqual([
        ['s2', 2, 0.6],
        ['s1', 1, 0.9],
      ]);
      expect(await lowest(store, { range: { from: T0 + 40 * MINUTE, to: T0 + 4 * HOUR } })).toEqual(
        [
          ['s2', 1, 0.7],
          ['s1', 1, 0.9],
        ],
      );
      expect(
        await lowest(store, { range: { from: T0 + 20 * MINUTE }, lowestSessionsLimit: 1 }),
      ).toEqual([['s2', 2, 0.6]]);
    });

    it('keeps a session mean current as its scores change, move and arrive', async () => {
      const store = await open();
      const ids = async (query: { min?: number; max?: number }) =>
        (await store.listSessions({ score: { name: 'helpfulness', ...query } })).items
          .map((row) => row.id)
          .sort();
      await store.upsert({
        traces: [trace({ id: 't1', sessionId: 's1' }), trace({ id: 't2', sessionId: 's2' })],
        scores: [
          score({ id: 'a', traceId: 't1', value: 0.2, updatedAt: 1 }),
          score({ id: 'b', traceId: 't2', value: 0.8 }),
          score({ id: 'early', traceId: 't3', value: 0 }),
        ],
      });
      await store.refresh();
      expect(await ids({ max: 0.5 })).toEqual(['s1']);
      // Overwritten at the source: s1's mean is now 0.9.
      await store.upsert({ scores: [score({ id: 'a', traceId: 't1', value: 0.9, updatedAt: 2 })] });
      await store.refresh();
      expect(await ids({ max: 0.5 })).toEqual([]);
      expect(await ids({ min: 0.85 })).toEqual(['s1']);
      // The early score's trace arrives in s1, then moves to s2.
      await store.upsert({ traces: [trace({ id: 't3', sessionId: 's1', updatedAt: 1 })] });
      await store.refresh();
      expect(await ids({ max: 0.5 })).toEqual(['s1']);
      expect(await lowest(store)).toEqual([
        ['s1', 2, 0.45],
        ['s2', 1, 0.8],
      ]);
      await store.upsert({ traces: [trace({ id: 't3', sessionId: 's2', updatedAt: 2 })] });
      await store.refresh();
      expect(await ids({ max: 0.5 })).toEqual(['s2']);
      expect(await lowest(store)).toEqual([
        ['s2', 2, 0.4],
        ['s1', 1, 0.9],
      ]);
    });
  });
}
