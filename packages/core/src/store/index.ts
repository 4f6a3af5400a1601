export type {
  AgentDetail,
  AgentDetailParams,
  AgentErrorEntry,
  AgentListParams,
  AgentSummary,
  AgentTimeSeriesParams,
  AgentTimeSeriesPoint,
  ModelUsage,
} from './agents';
export type {
  BucketSize,
  JsonValue,
  LatencySummary,
  Page,
  SortOrder,
  TimeRange,
  TokenCounts,
} from './common';
export type { Conversation, ConversationMessage } from './conversation';
export type {
  DashboardKpis,
  DashboardMetrics,
  DashboardParams,
  DashboardTimeSeriesPoint,
  ModelUsageParams,
} from './dashboard';
export { StoreError, type StoreErrorCode } from './errors';
export type {
  ChapterFunnelStep,
  SessionListParams,
  SessionRow,
  SessionSortKey,
  SessionStats,
  SessionStatsParams,
  SessionStatus,
  SessionStatusFilter,
} from './sessions';
export type { DashboardStore, DashboardStoreOptions } from './store';
export {
  INITIAL_SYNC_STATE,
  type SyncApiMode,
  type SyncErrorInfo,
  type SyncLease,
  type SyncProgress,
  type SyncRunInfo,
  type SyncState,
  type SyncStatePatch,
  type SyncStatus,
} from './sync-state';
export type {
  EntityCounts,
  RefreshResult,
  StoreCounts,
  TouchedKeys,
  UpsertBatch,
  UpsertResult,
} from './upsert';
