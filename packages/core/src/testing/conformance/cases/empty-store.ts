import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE } from '../../../store/sync-state';
import type { OpenStore } from '../open-store';

/** A fresh store answers every query with empty results, zeros and nulls, never an error. */
export function emptyStoreCases(open: OpenStore): void {
  describe('empty store', () => {
    it('answers every query with nothing', async () => {
      const store = await open();
      await store.ping();
      expect(await store.listSessions()).toEqual({
        items: [],
        page: 1,
        limit: 50,
        total: 0,
        totalPages: 0,
      });
      const stats = await store.getSessionStats();
      expect(stats).toMatchObject({
        total: 0,
        byStatus: { completed: 0, active: 0, abandoned: 0, error: 0 },
        completionRate: 0,
        avgDurationMs: null,
        medianDurationMs: null,
        cost: 0,
        tokens: { input: 0, output: 0, total: 0 },
        uniqueUsers: 0,
      });
      expect(stats.funnel).toHaveLength(7);
      expect(stats.funnel.every((step) => step.sessions === 0 && step.rate === 0)).toBe(true);
      expect(await store.listAgents()).toEqual([]);
      expect(await store.getModelUsage()).toEqual([]);
      expect(await store.listScores()).toEqual([]);
      const dashboard = await store.getDashboard();
      expect(dashboard.kpis).toMatchObject({
        sessions: 0,
        observations: 0,
        cost: 0,
        avgLatencyMs: null,
        p95LatencyMs: null,
      });
      expect(dashboard.timeSeries).toEqual([]);
      expect(dashboard.topAgents).toEqual([]);
      expect(await store.counts()).toEqual({
        records: { sessions: 0, traces: 0, observations: 0, scores: 0 },
        derived: { sessions: 0, traces: 0, agents: 0, models: 0, scoreNames: 0 },
      });
    });

    it('answers null for unknown ids', async () => {
      const store = await open();
      expect(await store.getSession({ id: 'missing' })).toBeNull();
      expect(await store.getConversation({ sessionId: 'missing' })).toBeNull();
      expect(await store.getAgent({ name: 'missing' })).toBeNull();
      expect(await store.getAgentTimeSeries({ name: 'missing', bucket: 'hour' })).toBeNull();
      expect(await store.getScore({ name: 'missing' })).toBeNull();
    });

    it('zero-fills a bounded dashboard series', async () => {
      const store = await open();
      const from = Date.parse('2026-11-20T00:00:00Z');
      const dashboard = await store.getDashboard({
        range: { from, to: from + 3 * 86_400_000 },
        bucket: 'day',
      });
      expect(dashboard.timeSeries.map((p) => [p.bucketStart, p.sessions, p.cost])).toEqual([
        [from, 0, 0],
        [from + 86_400_000, 0, 0],
        [from + 2 * 86_400_000, 0, 0],
      ]);
    });

    it('starts idle with no lease', async () => {
      const store = await open();
      expect(await store.getSyncState()).toEqual(INITIAL_SYNC_STATE);
      expect(await store.getLease()).toBeNull();
      expect(await store.refresh()).toMatchObject({ sessions: 0, agents: 0 });
    });
  });
}
