import {
  AnalyticsError,
  createAnalyticsService,
  cupidPreset,
  type Dashboard,
} from '@cupid-dashboard/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY, handMadeDashboard, NOW } from './fixture';

const HOUR = 3_600_000;
const isoAgo = (ms: number) => new Date(NOW - ms).toISOString();
let dashboard: Dashboard;

beforeEach(async () => {
  dashboard = await handMadeDashboard();
});

describe('listSessions', () => {
  it('maps rows to snake_case with ISO times, ms durations and USD costs, newest first', async () => {
    const { sessions, pagination } = await dashboard.analytics.listSessions();
    expect(sessions.map((row) => row.id)).toEqual(['s1', 's2', 's3']);
    expect(sessions[0]).toEqual({
      id: 's1',
      user_id: 'u1',
      started_at: isoAgo(2 * HOUR),
      last_activity: isoAgo(2 * HOUR - 62_000),
      duration_ms: 62_000,
      trace_count: 1,
      generation_count: 2,
      observation_count: 2,
      chapter_reached: 6,
      chapter_name: 'End',
      status: 'completed',
      total_cost: 0.012,
      tokens: { input: 150, output: 30, total: 180 },
      error_count: 0,
      scores: [],
    });
    expect(sessions.map((row) => row.status)).toEqual(['completed', 'error', 'abandoned']);
    expect(pagination).toEqual({ page: 1, limit: 50, total: 3, total_pages: 1 });
  });

  it('filters by period, status, search and user', async () => {
    const ids = async (query: Parameters<Dashboard['analytics']['listSessions']>[0]) =>
      (await dashboard.analytics.listSessions(query)).sessions.map((row) => row.id);
    expect(await ids({ timeRange: '7d' })).toEqual(['s1', 's2']);
    expect(await ids({ timeRange: '24h' })).toEqual(['s1']);
    expect(await ids({ from: NOW - 11 * DAY, to: NOW - 2 * DAY })).toEqual(['s2', 's3']);
    expect(await ids({ status: 'abandoned' })).toEqual(['s3']);
    expect(await ids({ search: 'U2' })).toEqual(['s2']);
    expect(await ids({ search: '恋 💘' })).toEqual(['s1']);
    expect(await ids({ search: "%' OR 1=1 --" })).toEqual([]);
    expect(await ids({ userId: 'u1' })).toEqual(['s1']);
  });

  it('sorts by wire keys and pages', async () => {
    const byCost = await dashboard.analytics.listSessions({ sort: 'cost', order: 'asc' });
    expect(byCost.sessions.map((row) => row.id)).toEqual(['s3', 's2', 's1']);
    const byDuration = await dashboard.analytics.listSessions({ sort: 'duration' });
    expect(byDuration.sessions.map((row) => row.duration_ms)).toEqual([62_000, 1500, 500]);
    const second = await dashboard.analytics.listSessions({ page: 2, limit: 2 });
    expect(second.sessions.map((row) => row.id)).toEqual(['s3']);
    expect(second.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 });
    const past = await dashboard.analytics.listSessions({ page: 9, limit: 2 });
    expect(past).toEqual({
      sessions: [],
      pagination: { page: 9, limit: 2, total: 3, total_pages: 2 },
    });
  });
});

describe('getSessionStats', () => {
  it('counts statuses, durations, cost, users and the funnel', async () => {
    const stats = await dashboard.analytics.getSessionStats();
    expect(stats).toMatchObject({
      time_range: 'all',
      period: { from: null, to: null },
      total_sessions: 3,
      by_status: { completed: 1, active: 0, abandoned: 1, error: 1 },
      median_duration_ms: 1500,
      tokens: { input: 190, output: 41, total: 231 },
      unique_users: 2,
    });
    expect(stats.completion_rate).toBeCloseTo(1 / 3, 12);
    expect(stats.avg_duration_ms).toBeCloseTo(64_000 / 3, 9);
    expect(stats.total_cost).toBeCloseTo(0.02, 12);
    expect(stats.chapter_funnel.map((step) => [step.name, step.sessions])).toEqual([
      ['Introduction', 3],
      ['Mortal', 3],
      ['Match', 1],
      ['Compatibility', 1],
      ['Story', 1],
      ['Evaluation', 1],
      ['End', 1],
    ]);
  });
});

describe('getConversation', () => {
  it('lists messages once with chapter names; null for an unknown session', async () => {
    const conversation = await dashboard.analytics.getConversation('s1');
    expect(conversation?.message_count).toBe(2);
    expect(conversation?.messages).toEqual([
      {
        role: 'user',
        content: 'Bonjour, 恋 💘',
        agent: 'Introduction',
        chapter: 0,
        chapter_name: 'Introduction',
        time: isoAgo(2 * HOUR),
        model: 'gpt-4o',
        tokens: null,
        cost: null,
        latency_ms: null,
        observation_id: 'o1',
      },
      {
        role: 'assistant',
        content: 'Welcome to Cupid',
        agent: 'Introduction',
        chapter: 0,
        chapter_name: 'Introduction',
        time: isoAgo(2 * HOUR - 1000),
        model: 'gpt-4o',
        tokens: { input: 100, output: 20, total: 120 },
        cost: 0.01,
        latency_ms: 1000,
        observation_id: 'o1',
      },
    ]);
    expect(await dashboard.analytics.getConversation('nope')).toBeNull();
  });
});

describe('agents', () => {
  it('lists agents by calls with category, chapter and latency percentiles', async () => {
    const { agents } = await dashboard.analytics.listAgents();
    expect(agents.map((agent) => agent.name)).toEqual(['Mortal', 'End', 'Introduction']);
    expect(agents[0]).toEqual({
      name: 'Mortal',
      category: 'content',
      chapter: 1,
      chapter_name: 'Mortal',
      calls: 2,
      sessions: 2,
      errors: 1,
      error_rate: 0.5,
      avg_latency_ms: 1000,
      p50_latency_ms: 500,
      p95_latency_ms: 1500,
      p99_latency_ms: 1500,
      total_cost: 0.008,
      tokens: { input: 40, output: 11, total: 51 },
      last_seen: isoAgo(3 * DAY),
    });
    expect(agents[1]).toMatchObject({ name: 'End', category: 'control', chapter: 6 });
  });

  it('details one agent with models and recent errors; null when unknown', async () => {
    const agent = await dashboard.analytics.getAgent('Mortal', { timeRange: '7d' });
    expect(agent).toMatchObject({
      time_range: '7d',
      period: { from: isoAgo(7 * DAY), to: null },
      calls: 1,
      models: [{ model: 'gpt-4o', calls: 1, total_cost: 0.005 }],
      recent_errors: [
        {
          observation_id: 'o3',
          trace_id: 't2',
          session_id: 's2',
          time: isoAgo(3 * DAY),
          message: 'upstream timeout',
          model: 'gpt-4o',
        },
      ],
    });
    expect(await dashboard.analytics.getAgent('Nobody')).toBeNull();
  });

  it('charts an agent in day buckets by default and hours for 24h', async () => {
    const charts = await dashboard.analytics.getAgentCharts('Mortal');
    expect(charts?.bucket).toBe('day');
    expect(charts?.points[0]?.bucket_start).toBe('2026-11-10T00:00:00.000Z');
    expect(charts?.points).toHaveLength(8);
    expect(charts?.points.reduce((sum, point) => sum + point.calls, 0)).toBe(2);
    const hourly = await dashboard.analytics.getAgentCharts('End', { timeRange: '24h' });
    expect(hourly?.bucket).toBe('hour');
    expect(await dashboard.analytics.getAgentCharts('Nobody')).toBeNull();
  });

  it('takes chapters from the preset it is given', async () => {
    const preset = {
      ...cupidPreset,
      chapterNames: { ...cupidPreset.chapterNames, 1: 'Mortal realm' },
    };
    const analytics = createAnalyticsService({ store: dashboard.store, preset, now: () => NOW });
    const { agents } = await analytics.listAgents();
    expect(agents[0]).toMatchObject({ name: 'Mortal', chapter_name: 'Mortal realm' });
  });
});

describe('getDashboardMetrics', () => {
  it("carries the preset's headline scores, none by default", async () => {
    await dashboard.store.upsert({
      scores: [0.2, 0.6].map((value, i) => ({
        id: `h${i}`,
        name: 'helpfulness',
        dataType: 'NUMERIC' as const,
        value,
        stringValue: null,
        source: 'EVAL' as const,
        traceId: null,
        observationId: null,
        sessionId: null,
        timestamp: NOW - HOUR - i * 8 * DAY,
        comment: null,
        configId: null,
        environment: 'default',
        updatedAt: null,
      })),
    });
    const headed = await dashboard.analytics.getDashboardMetrics({ timeRange: '7d' });
    expect(headed.scores).toEqual([
      {
        name: 'helpfulness',
        count: { value: 1, previous: 1, delta: 0, delta_pct: 0 },
        mean: expect.objectContaining({ value: 0.2, previous: 0.6 }),
      },
    ]);
    const { headlineScores: _none, ...plain } = cupidPreset;
    const analytics = createAnalyticsService({
      store: dashboard.store,
      preset: plain,
      now: () => NOW,
    });
    expect((await analytics.getDashboardMetrics({ timeRange: '7d' })).scores).toEqual([]);
  });

  it('puts every KPI beside the previous period of the same length', async () => {
    const metrics = await dashboard.analytics.getDashboardMetrics({ timeRange: '7d' });
    expect(metrics.period).toEqual({ from: isoAgo(7 * DAY), to: null });
    expect(metrics.previous_period).toEqual({ from: isoAgo(14 * DAY), to: isoAgo(7 * DAY) });
    expect(metrics.kpis.sessions).toEqual({ value: 2, previous: 1, delta: 1, delta_pct: 100 });
    expect(metrics.kpis.users).toEqual({ value: 2, previous: 0, delta: 2, delta_pct: null });
    expect(metrics.kpis.errors).toEqual({ value: 1, previous: 0, delta: 1, delta_pct: null });
    expect(metrics.kpis.completed_sessions).toEqual({
      value: 1,
      previous: 0,
      delta: 1,
      delta_pct: null,
    });
    expect(metrics.kpis.total_tokens).toEqual({
      value: 195,
      previous: 36,
      delta: 159,
      delta_pct: (159 / 36) * 100,
    });
    expect(metrics.kpis.total_cost.value).toBeCloseTo(0.017, 12);
    expect(metrics.kpis.total_cost.previous).toBeCloseTo(0.003, 12);
    expect(metrics.kpis.total_cost.delta).toBeCloseTo(0.014, 12);
    expect(metrics.bucket).toBe('day');
    expect(metrics.time_series).toHaveLength(8);
    expect(metrics.time_series[0]?.bucket_start).toBe('2026-11-13T00:00:00.000Z');
    expect(metrics.time_series.reduce((sum, point) => sum + point.sessions, 0)).toBe(2);
    expect(metrics.top_agents.map((agent) => agent.name)).toEqual([
      'End',
      'Introduction',
      'Mortal',
    ]);
    expect(metrics.cost_by_model.map((model) => [model.model, model.calls])).toEqual([
      ['gpt-4o', 2],
      ['gpt-4o-mini', 1],
    ]);
  });

  it('has no previous period for all time', async () => {
    const metrics = await dashboard.analytics.getDashboardMetrics();
    expect(metrics.previous_period).toBeNull();
    expect(metrics.kpis.sessions).toEqual({
      value: 3,
      previous: null,
      delta: null,
      delta_pct: null,
    });
  });

  it('refuses a series with too many buckets, naming bucket', async () => {
    const from = Date.parse('0001-01-01T00:00:00Z');
    await expect(dashboard.analytics.getDashboardMetrics({ from })).rejects.toMatchObject({
      field: 'bucket',
    });
    await expect(
      dashboard.analytics.getAgentCharts('Mortal', { from: NOW - 800 * DAY, bucket: 'hour' }),
    ).rejects.toBeInstanceOf(AnalyticsError);
  });
});

describe('getModelMetrics and getDataAsOf', () => {
  it('sums cost and tokens by model', async () => {
    const metrics = await dashboard.analytics.getModelMetrics();
    expect(metrics.models.map((model) => [model.model, model.calls, model.tokens.total])).toEqual([
      ['gpt-4o', 3, 171],
      ['gpt-4o-mini', 1, 60],
    ]);
    expect(metrics.total_cost).toBeCloseTo(0.02, 12);
    expect(metrics.tokens).toEqual({ input: 190, output: 41, total: 231 });
  });

  it('reads the last successful sync', async () => {
    expect(await dashboard.analytics.getDataAsOf()).toBeNull();
    await dashboard.store.saveSyncState({ lastSuccessAt: NOW - 60_000 });
    expect(await dashboard.analytics.getDataAsOf()).toBe(NOW - 60_000);
  });
});
