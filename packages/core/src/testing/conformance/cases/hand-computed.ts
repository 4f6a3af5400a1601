import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, T0 } from '../fixtures';
import type { OpenStore } from '../open-store';
import { SCENARIO_NOW, scenarioBatch } from '../scenario';

/** Answers worked out by hand for the scenario of `scenarioBatch`. */
export function handComputedCases(open: OpenStore): void {
  describe('hand-computed answers', () => {
    const load = async () => {
      const store = await open(SCENARIO_NOW);
      const { touched } = await store.upsert(scenarioBatch());
      await store.refresh(touched);
      return store;
    };

    it('derives the session rows: linking, user, times, chapters, status, cost and tokens', async () => {
      const store = await load();
      const page = await store.listSessions({ now: SCENARIO_NOW });
      expect(page.items.map((row) => row.id)).toEqual(['s3', 's2', 's1']);
      expect(page).toMatchObject({ page: 1, limit: 50, total: 3, totalPages: 1 });
      const s1 = page.items[2];
      expect(s1).toMatchObject({
        id: 's1',
        userId: 'u1',
        startedAt: T0,
        lastActivityAt: T0 + 11 * MINUTE + 500,
        durationMs: 11 * MINUTE + 500,
        traceCount: 2,
        generationCount: 3,
        observationCount: 4,
        chapterReached: 2,
        chapterName: 'Match',
        status: 'error',
        tokens: { input: 320, output: 80, total: 410 },
        errorCount: 1,
      });
      expect(s1?.cost).toBeCloseTo(0.006, 12);
      expect(page.items[1]).toMatchObject({
        id: 's2',
        userId: null,
        traceCount: 1,
        chapterReached: 6,
        status: 'completed',
        durationMs: 1000,
        tokens: { input: 10, output: 5, total: 15 },
      });
      expect(page.items[0]).toMatchObject({
        id: 's3',
        startedAt: T0 + 90 * MINUTE,
        lastActivityAt: T0 + 100 * MINUTE,
        traceCount: 1,
        observationCount: 0,
        chapterReached: null,
        chapterName: null,
        status: 'active',
        cost: 0,
      });
      // Without `now`, status is judged on the store's clock (SCENARIO_NOW here).
      expect((await store.getSession({ id: 's3' }))?.status).toBe('active');
      expect((await store.listSessions({ status: 'active' })).items.map((row) => row.id)).toEqual([
        's3',
      ]);
      const later = await store.getSession({ id: 's3', now: T0 + 100 * MINUTE + 30 * MINUTE });
      expect(later?.status).toBe('abandoned');
      const justBefore = await store.getSession({ id: 's3', now: T0 + 130 * MINUTE - 1 });
      expect(justBefore?.status).toBe('active');
    });

    it('filters, searches and sorts the list', async () => {
      const store = await load();
      const ids = async (params: Parameters<typeof store.listSessions>[0]) =>
        (await store.listSessions({ now: SCENARIO_NOW, ...params })).items.map((row) => row.id);
      expect(await ids({ status: 'completed' })).toEqual(['s2']);
      expect(await ids({ status: 'abandoned' })).toEqual([]);
      expect(await ids({ userId: 'u1' })).toEqual(['s1']);
      expect(await ids({ search: 'léa' })).toEqual(['s1']);
      expect(await ids({ search: 'FAREWELL' })).toEqual(['s2']);
      expect(await ids({ search: 'U1' })).toEqual(['s1']);
      expect(await ids({ search: 'You are Cupid' })).toEqual([]);
      expect(await ids({ range: { from: T0 + 30 * MINUTE, to: T0 + 90 * MINUTE } })).toEqual([
        's2',
      ]);
      expect(await ids({ sort: 'chapterReached', order: 'asc' })).toEqual(['s3', 's1', 's2']);
      expect(await ids({ sort: 'userId', order: 'desc' })).toEqual(['s1', 's2', 's3']);
      expect(await ids({ sort: 'cost', order: 'desc', limit: 1, page: 2 })).toEqual(['s2']);
    });

    it('computes session stats and the chapter funnel', async () => {
      const store = await load();
      const stats = await store.getSessionStats({ now: SCENARIO_NOW });
      expect(stats).toMatchObject({
        total: 3,
        byStatus: { completed: 1, active: 1, abandoned: 0, error: 1 },
        avgDurationMs: 420_500,
        medianDurationMs: 600_000,
        tokens: { input: 330, output: 85, total: 425 },
        uniqueUsers: 1,
      });
      expect(stats.completionRate).toBeCloseTo(1 / 3, 12);
      expect(stats.cost).toBeCloseTo(0.0061, 12);
      expect(stats.funnel.map((step) => [step.chapter, step.name, step.sessions])).toEqual([
        [0, 'Introduction', 2],
        [1, 'Mortal', 2],
        [2, 'Match', 2],
        [3, 'Compatibility', 1],
        [4, 'Story', 1],
        [5, 'Evaluation', 1],
        [6, 'End', 1],
      ]);
    });

    it('extracts each message once, in order, with its generation', async () => {
      const store = await load();
      const conversation = await store.getConversation({ sessionId: 's1' });
      expect(conversation?.messages.map((m) => [m.role, m.content, m.agent, m.chapter])).toEqual([
        ['user', 'Hi Cupid', 'Introduction', 0],
        ['assistant', 'Welcome, matchmaker!', 'Introduction', 0],
        ['user', 'Show me a mortal', 'Mortal', 1],
        ['assistant', 'Meet Léa, 39.', 'Mortal', 1],
        ['user', 'Find a match', 'Match', 2],
      ]);
      expect(conversation?.messages[0]).toMatchObject({
        time: T0,
        tokens: null,
        cost: null,
        latencyMs: null,
      });
      expect(conversation?.messages[3]).toMatchObject({
        time: T0 + 10 * MINUTE + 3000,
        model: 'gpt-4o',
        tokens: { input: 200, output: 50, total: 260 },
        latencyMs: 3000,
        observationId: 'o3',
      });
      expect(conversation?.messages[3]?.cost).toBeCloseTo(0.005, 12);
      const s2 = await store.getConversation({ sessionId: 's2' });
      expect(s2?.messages.map((m) => [m.role, m.content])).toEqual([
        ['user', 'Goodbye'],
        ['assistant', 'Farewell'],
      ]);
      expect(await store.getConversation({ sessionId: 's3' })).toEqual({
        sessionId: 's3',
        messages: [],
      });
      expect(await store.getConversation({ sessionId: 'nope' })).toBeNull();
    });

    it('summarizes agents, including calls without a session', async () => {
      const store = await load();
      const agents = await store.listAgents();
      expect(agents.map((a) => a.name)).toEqual([
        'DisplayMortal',
        'End',
        'HasEnded',
        'Introduction',
        'Match',
        'Mortal',
      ]);
      const hasEnded = agents.find((a) => a.name === 'HasEnded');
      expect(hasEnded).toMatchObject({
        category: 'routing',
        calls: 1,
        sessions: 0,
        errors: 0,
        errorRate: 0,
        tokens: { input: 7, output: 1, total: 8 },
        lastSeenAt: T0 + 5 * MINUTE,
        latency: { avgMs: 200 },
      });
      const match = await store.getAgent({ name: 'Match' });
      expect(match).toMatchObject({
        category: 'content',
        calls: 1,
        sessions: 1,
        errors: 1,
        errorRate: 1,
        models: [{ model: 'gpt-4o', calls: 1, cost: 0, tokens: { input: 0, output: 0, total: 0 } }],
        recentErrors: [
          {
            observationId: 'o4',
            traceId: 't2',
            sessionId: 's1',
            time: T0 + 11 * MINUTE,
            message: 'rate limit',
            model: 'gpt-4o',
          },
        ],
      });
      expect(await store.getAgent({ name: 'Nobody' })).toBeNull();
      const idle = await store.getAgent({ name: 'Match', range: { to: T0 } });
      expect(idle).toMatchObject({
        calls: 0,
        sessions: 0,
        errorRate: 0,
        lastSeenAt: null,
        models: [],
        recentErrors: [],
      });
      expect(idle?.latency).toEqual({ avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null });
      const series = await store.getAgentTimeSeries({
        name: 'Mortal',
        bucket: 'hour',
        range: { from: T0 - HOUR, to: T0 + HOUR },
      });
      expect(series?.map((p) => [p.bucketStart, p.calls])).toEqual([
        [T0 - HOUR, 0],
        [T0, 1],
      ]);
      expect(series?.[1]).toMatchObject({
        errors: 0,
        tokens: { input: 200, output: 50, total: 260 },
      });
      expect(series?.[0]?.latencyP50Ms).toBeNull();
      expect(await store.getAgentTimeSeries({ name: 'Nobody', bucket: 'day' })).toBeNull();
    });

    it('computes the dashboard KPIs, series, top agents and cost by model', async () => {
      const store = await load();
      const dashboard = await store.getDashboard({
        range: { from: T0, to: T0 + 2 * HOUR },
        bucket: 'hour',
        topAgentsLimit: 2,
        now: SCENARIO_NOW,
      });
      const { kpis } = dashboard;
      expect(kpis).toMatchObject({
        sessions: 3,
        users: 1,
        traces: 4,
        observations: 6,
        generations: 5,
        tokens: { input: 337, output: 86, total: 433 },
        errors: 1,
        completedSessions: 1,
        avgSessionDurationMs: 420_500,
      });
      expect(kpis.cost).toBeCloseTo(0.0066, 12);
      expect(kpis.errorRate).toBeCloseTo(1 / 6, 12);
      expect(kpis.avgLatencyMs).toBeCloseTo(6200 / 6, 9);
      expect(kpis.p95LatencyMs).toBeGreaterThanOrEqual(2970);
      expect(kpis.p95LatencyMs).toBeLessThanOrEqual(3030.5);
      expect(kpis.avgTraceLatencyMs).toBeCloseTo(64_000 / 3, 9);
      expect(kpis.avgSessionCost).toBeCloseTo(0.0061 / 3, 12);
      expect(
        dashboard.timeSeries.map((p) => [p.bucketStart, p.sessions, p.traces, p.observations]),
      ).toEqual([
        [T0, 2, 3, 6],
        [T0 + HOUR, 1, 1, 0],
      ]);
      // The first hour's latencies are 200, 500, 500, 1000, 1000 and 3000 ms; the second has none.
      const [first, second] = dashboard.timeSeries;
      expect(first?.latencyP50Ms).toBeGreaterThanOrEqual(495);
      expect(first?.latencyP50Ms).toBeLessThanOrEqual(505);
      expect(first?.latencyP95Ms).toBeGreaterThanOrEqual(2970);
      expect(first?.latencyP95Ms).toBeLessThanOrEqual(3030.5);
      expect([second?.latencyP50Ms, second?.latencyP95Ms]).toEqual([null, null]);
      expect(dashboard.topAgents.map((a) => a.name)).toEqual(['DisplayMortal', 'End']);
      expect(dashboard.costByModel.map((m) => [m.model, m.calls, m.tokens.total])).toEqual([
        ['gpt-4o', 2, 260],
        ['gpt-4o-mini', 2, 158],
      ]);
      expect(dashboard.funnel[6]).toMatchObject({ chapter: 6, sessions: 1 });
      expect(await store.getModelUsage()).toEqual(dashboard.costByModel);
    });

    it('counts records and derived rows', async () => {
      const store = await load();
      expect(await store.counts()).toEqual({
        records: { sessions: 1, traces: 3, observations: 6, scores: 0 },
        derived: { sessions: 3, traces: 4, agents: 6, models: 2, scoreNames: 0 },
      });
    });
  });
}
