export { createAnalyticsService } from './create-analytics-service';
export { AnalyticsError, type AnalyticsErrorCode } from './errors';
export { compareKpi } from './kpis';
export { syncStatusToWire } from './map-sync';
export { type PeriodQuery, type ResolvedPeriod, resolvePeriod } from './period';
export { scanSessions } from './scan-sessions';
export { type SessionSortWire, WIRE_SESSION_SORT_MAP, WIRE_SESSION_SORTS } from './session-sort';
export type {
  AgentDetailQuery,
  AnalyticsQueries,
  AnalyticsService,
  AnalyticsServiceOptions,
  AnalyticsSnapshotOptions,
  ExportRows,
  ScoreDetailQuery,
  SeriesQuery,
  SessionExportQuery,
  SessionListQuery,
} from './types';
export {
  type AgentChartsWire,
  type AgentDetailWire,
  type AgentListWire,
  type AgentSummaryWire,
  agentChartsWire,
  agentDetailWire,
  agentListWire,
} from './wire/agents';
export type { ModelUsageWire, PeriodWire, TimeRangeWire, TokensWire } from './wire/common';
export { type ConversationWire, conversationWire, type MessageWire } from './wire/conversation';
export {
  type DashboardMetricsWire,
  dashboardMetricsWire,
  type HeadlineScoreWire,
  KPI_NAMES,
  type KpiName,
  type KpiWire,
  type ModelMetricsWire,
  modelMetricsWire,
} from './wire/metrics';
export {
  type ConversationScoreWire,
  type ScoreDetailWire,
  type ScoreListWire,
  type ScoreStatsWire,
  type ScoreSummaryWire,
  type SessionScoreSummaryWire,
  scoreDetailWire,
  scoreListWire,
} from './wire/scores';
export {
  type SessionListRowWire,
  type SessionListWire,
  type SessionRowWire,
  type SessionStatsWire,
  sessionListWire,
  sessionStatsWire,
} from './wire/sessions';
export {
  type HealthWire,
  healthWire,
  type SyncStatusWire,
  type SyncTriggerWire,
  syncStatusWire,
  syncTriggerWire,
} from './wire/sync';
