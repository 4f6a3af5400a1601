import { addTokens, ZERO_TOKENS } from '../semantics/tokens';
import { checkSeriesSize, defaultBucket, withSeriesGuard } from './buckets';
import { agentDetailToWire, agentPointsToWire, agentSummaryToWire } from './map-agents';
import { modelUsageToWire, tokensToWire } from './map-common';
import { dashboardMetricsToWire } from './map-metrics';
import { conversationToWire, sessionRowToWire, sessionStatsToWire } from './map-sessions';
import { periodToWire, resolvePeriod } from './period';
import { WIRE_SESSION_SORT_MAP } from './session-sort';
import type { AnalyticsService, AnalyticsServiceOptions } from './types';

/**
 * Creates the analytics service over a store. Every query reads the clock once, so a named range
 * and the session statuses in one answer agree.
 *
 * @param options `store`; `preset` (default `store.preset`); `now` (default `Date.now`, epoch ms)
 * @example
 * const analytics = createAnalyticsService({ store, now: () => Date.parse('2026-11-20T12:00:00Z') });
 * const { sessions, pagination } = await analytics.listSessions({ timeRange: '7d', status: 'active' });
 * const metrics = await analytics.getDashboardMetrics({ timeRange: '24h' });
 * metrics.kpis.sessions; // { value: 42, previous: 40, delta: 2, delta_pct: 5 }
 */
export function createAnalyticsService(options: AnalyticsServiceOptions): AnalyticsService {
  const { store } = options;
  const preset = options.preset ?? store.preset;
  const clock = options.now ?? Date.now;

  return {
    store,
    preset,

    async listSessions(query = {}) {
      const now = clock();
      const { range } = resolvePeriod(query, now);
      const page = await store.listSessions({
        range,
        status: query.status ?? 'all',
        ...(query.search === undefined ? {} : { search: query.search }),
        ...(query.userId === undefined ? {} : { userId: query.userId }),
        sort: WIRE_SESSION_SORT_MAP[query.sort ?? 'started_at'],
        order: query.order ?? 'desc',
        page: query.page ?? 1,
        limit: query.limit ?? 50,
        now,
      });
      return {
        sessions: page.items.map(sessionRowToWire),
        pagination: {
          page: page.page,
          limit: page.limit,
          total: page.total,
          total_pages: page.totalPages,
        },
      };
    },

    async getSessionStats(query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const stats = await store.getSessionStats({ range: period.range, now });
      return {
        time_range: period.timeRange,
        period: periodToWire(period.range),
        ...sessionStatsToWire(stats),
      };
    },

    async getConversation(sessionId) {
      const conversation = await store.getConversation({ sessionId });
      return conversation === null ? null : conversationToWire(conversation, preset);
    },

    async listAgents(query = {}) {
      const period = resolvePeriod(query, clock());
      const agents = await store.listAgents({ range: period.range });
      return {
        time_range: period.timeRange,
        period: periodToWire(period.range),
        agents: agents.map((agent) => agentSummaryToWire(agent, preset)),
      };
    },

    async getAgent(name, query = {}) {
      const period = resolvePeriod(query, clock());
      const agent = await store.getAgent({
        name,
        range: period.range,
        recentErrorsLimit: query.recentErrorsLimit ?? 10,
      });
      if (agent === null) return null;
      return {
        ...agentDetailToWire(agent, preset),
        time_range: period.timeRange,
        period: periodToWire(period.range),
      };
    },

    async getAgentCharts(name, query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const bucket = query.bucket ?? defaultBucket(period.timeRange, period.range);
      checkSeriesSize(period.range, bucket, now);
      const points = await withSeriesGuard(bucket, () =>
        store.getAgentTimeSeries({ name, range: period.range, bucket }),
      );
      if (points === null) return null;
      return {
        agent: name,
        time_range: period.timeRange,
        period: periodToWire(period.range),
        bucket,
        points: agentPointsToWire(points),
      };
    },

    async getDashboardMetrics(query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const bucket = query.bucket ?? defaultBucket(period.timeRange, period.range);
      const topAgentsLimit = query.topAgentsLimit ?? 5;
      checkSeriesSize(period.range, bucket, now);
      const [current, previous] = await withSeriesGuard(bucket, () =>
        Promise.all([
          store.getDashboard({ range: period.range, bucket, topAgentsLimit, now }),
          period.previous === null
            ? null
            : store.getDashboard({ range: period.previous, bucket, topAgentsLimit, now }),
        ]),
      );
      return dashboardMetricsToWire(current, previous, period, bucket, preset);
    },

    async getModelMetrics(query = {}) {
      const period = resolvePeriod(query, clock());
      const models = await store.getModelUsage({ range: period.range });
      return {
        time_range: period.timeRange,
        period: periodToWire(period.range),
        total_cost: models.reduce((sum, model) => sum + model.cost, 0),
        tokens: tokensToWire(
          models.reduce((sum, model) => addTokens(sum, model.tokens), ZERO_TOKENS),
        ),
        models: models.map(modelUsageToWire),
      };
    },

    async getDataAsOf() {
      return (await store.getSyncState()).lastSuccessAt;
    },
  };
}
