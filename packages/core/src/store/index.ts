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
export { type BoundedParam, checkBounded, QUERY_BOUNDS, type QueryBound } from './bounds';
export {
  type CheckedQueries,
  checkedReads,
  checkSessionQuery,
  type ResolvedAgentQuery,
  type ResolvedSessionQuery,
} from './checked-reads';
export {
  BUCKET_SIZES,
  type BucketSize,
  type JsonValue,
  type LatencySummary,
  type Page,
  type SortOrder,
  type TimeRange,
  type TokenCounts,
} from './common';
export type { Conversation, ConversationMessage } from './conversation';
export { countTouched } from './count-touched';
export type {
  DashboardKpis,
  DashboardMetrics,
  DashboardParams,
  DashboardTimeSeriesPoint,
  ModelUsageParams,
} from './dashboard';
export type { DataSnapshot, DataVersion } from './data-version';
export { isStoreError, StoreError, type StoreErrorCode } from './errors';
export { checkLeaseArgs } from './lease-checks';
export {
  checkAgentTimeSeriesParams,
  checkDashboardParams,
  checkInteger,
  checkOneOf,
  checkPage,
  checkRange,
  checkScan,
  checkTimeZone,
  type ResolvedAgentTimeSeriesParams,
  type ResolvedDashboardParams,
} from './query-checks';
export {
  type EdgeHour,
  edgeHour,
  planRange,
  type RangePlan,
  rollupSpans,
  type Span,
} from './range-plan';
export { ScoreAccumulator, type ScoreRollupPart } from './score-accumulator';
export { checkScoreDetailParams, type ResolvedScoreDetailParams } from './score-checks';
export { type ScoreColumns, scoreColumns } from './score-columns';
export {
  type ScoreDetailReads,
  type ScoreObservationGroup,
  scoreDetailOf,
} from './score-detail-parts';
export {
  foldScoreParts,
  rawScorePart,
  type ScoreBinPart,
  type ScorePart,
  type ScoreParts,
  type ScoreValuePart,
} from './score-parts';
export { type ScoreRollupKeys, scoreRollupKeys } from './score-rollup-keys';
export type {
  ScoreBreakdown,
  ScoreDetail,
  ScoreDetailParams,
  ScoreFact,
  ScoreHistogramBin,
  ScoreListParams,
  ScoreSeriesPoint,
  ScoreStats,
  ScoreSummary,
  ScoreValueCount,
  SessionScoreMean,
} from './scores';
export { type SearchChange, SearchChanges } from './search-changes';
export { seriesBucketStarts, seriesNeedsHours, timeBounds } from './series-buckets';
export {
  SESSION_SCAN_LIMIT_DEFAULT,
  SESSION_SCAN_LIMIT_MAX,
  type SessionBatch,
  type SessionCursor,
  type SessionScanParams,
  sessionBatchOf,
  sessionCursorOf,
  sessionSortValue,
} from './session-scan';
export {
  checkSessionScoreFilter,
  passesSessionScoreFilter,
  type SessionScoreFilter,
} from './session-score-filter';
export {
  compareSessionScores,
  SESSION_SCORES_MAX_IDS,
  type SessionScore,
  type SessionScoreSummary,
  type SessionScoresParams,
  summarizeSessionScores,
} from './session-scores';
export {
  type ChapterFunnelStep,
  SESSION_SORT_KEYS,
  SESSION_STATUSES,
  type SessionListParams,
  type SessionRow,
  type SessionSortKey,
  type SessionStats,
  type SessionStatsParams,
  type SessionStatus,
  type SessionStatusFilter,
} from './sessions';
export type { DashboardReads, DashboardStore, DashboardStoreOptions } from './store';
export { storedAny } from './stored-any';
export {
  applySyncStatePatch,
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
export { TouchedSet } from './touched';
export type {
  EntityCounts,
  RefreshResult,
  StoreCounts,
  TouchedKeys,
  UpsertBatch,
  UpsertResult,
} from './upsert';
export { validateUpsertBatch } from './validate-records';
