import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import { addTokens, ZERO_TOKENS } from '../semantics/tokens';
import { QUERY_BOUNDS } from '../store/bounds';
import { summarizeSessionScores } from '../store/session-scores';
import type { DashboardReads } from '../store/store';
import { checkSeriesSize, defaultBucket, withSeriesGuard } from './buckets';
import { agentDetailToWire, agentPointsToWire, agentSummaryToWire } from './map-agents';
import { modelUsageToWire, tokensToWire } from './map-common';
import { dashboardMetricsToWire } from './map-metrics';
import { conversationScoreToWire, sessionScoreSummaryToWire } from './map-scores';
import { conversationToWire, sessionRowToWire, sessionStatsToWire } from './map-sessions';
import { periodToWire, periodZone, resolvePeriod } from './period';
import { headlineScores, scoreQueries } from './score-queries';
import { storeSessionFilters } from './session-filters';
import type { AnalyticsQueries } from './types';

/**
 * The analytics answers over a store's queries (the store itself, or the reads of one snapshot),
 * each reading `clock` once so a named range and the session statuses in one answer agree.
 */
export function analyticsQueries(
  store: DashboardReads,
  preset: DashboardPreset,
  clock: () => EpochMs,
): AnalyticsQueries {
  return {
    ...scoreQueries(store, clock),

    async listSessions(query = {}) {
      const now = clock();
      const { range } = resolvePeriod(query, now);
      const page = await store.listSessions({
        ...storeSessionFilters(query, range, now),
        page: query.page ?? QUERY_BOUNDS.page.default,
        limit: query.limit ?? QUERY_BOUNDS.limit.default,
      });
      const scores = summarizeSessionScores(
        await store.listSessionScores({ sessionIds: page.items.map((row) => row.id) }),
      );
      return {
        sessions: page.items.map((row) => ({
          ...sessionRowToWire(row),
          scores: (scores.get(row.id) ?? []).map(sessionScoreSummaryToWire),
        })),
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
      if (conversation === null) return null;
      const scores = await store.listSessionScores({ sessionIds: [sessionId] });
      return {
        ...conversationToWire(conversation, preset),
        scores: scores.map(conversationScoreToWire),
      };
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
        recentErrorsLimit: query.recentErrorsLimit ?? QUERY_BOUNDS.recentErrorsLimit.default,
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
      const timeZone = periodZone(query);
      const bucket = query.bucket ?? defaultBucket(period.timeRange, period.range);
      checkSeriesSize(period.range, bucket, now);
      const points = await withSeriesGuard(bucket, () =>
        store.getAgentTimeSeries({ name, range: period.range, bucket, timeZone }),
      );
      if (points === null) return null;
      return {
        agent: name,
        time_range: period.timeRange,
        period: periodToWire(period.range),
        bucket,
        time_zone: timeZone,
        points: agentPointsToWire(points),
      };
    },

    async getDashboardMetrics(query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const timeZone = periodZone(query);
      const bucket = query.bucket ?? defaultBucket(period.timeRange, period.range);
      checkSeriesSize(period.range, bucket, now);
      const metrics = await withSeriesGuard(bucket, () =>
        store.getDashboard({
          range: period.range,
          ...(period.previous === null ? {} : { previousRange: period.previous }),
          bucket,
          timeZone,
          topAgentsLimit: query.topAgentsLimit ?? QUERY_BOUNDS.topAgentsLimit.default,
          now,
        }),
      );
      return {
        ...dashboardMetricsToWire(metrics, period, { bucket, timeZone }, preset),
        scores: await headlineScores(store, preset.headlineScores ?? [], period),
      };
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
  };
}
