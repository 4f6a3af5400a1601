export { chunks } from './chunks';
export {
  addCounters,
  type CounterName,
  type CounterSchema,
  type CounterTable,
  type RollupNameCounter,
  readStoreCounts,
} from './db/counters';
export {
  bumpDataVersion,
  type DataVersionSchema,
  type DataVersionTable,
  readDataVersion,
} from './db/data-version';
export { type Num, toNumber, toNumberOrNull } from './db/numbers';
export { shortSearchGrams } from './db/search-grams';
export {
  readSessionScores,
  type SessionScoreSchema,
  type SessionScoreTable,
  sessionsWithScore,
} from './db/session-scores';
export type {
  ScoreGroupHourColumns,
  ScoreGroupKind,
  ScoreHourColumns,
  ScoreSessionColumns,
  ScoreTableColumns,
  ScoreValueHourColumns,
  SessionAggColumns,
  SyncTables,
  TraceKeyColumns,
} from './db/tables';
export { type SqlDb, sharedView } from './db/view';
export type { ColumnTypes } from './migrations/column-types';
export { addSessionAggColumns, addTraceKeyColumns } from './migrations/row-columns';
export { addScoreFollowTables, type FinishTable } from './migrations/score-follow-tables';
export {
  createScoreIndexes,
  scoreHourTable,
  scoresTable,
  scoreValueHourTable,
} from './migrations/score-tables';
export {
  createDataVersionTable,
  createSyncTables,
} from './migrations/sync-tables';
export { type GenerationReader, readConversation } from './read/conversation';
export {
  type PartQuery,
  type PartReader,
  type PartValues,
  type ReadPart,
  readPart,
  readPartsInTurn,
} from './read/read-parts';
export { type OneStatementReads, type ReadRunner, type SqlQueries, sqlReads } from './read/reads';
export type { ScoreGroupSchema } from './read/score-groups';
export {
  inScoreSpan,
  type ScoreBinsPart,
  type ScorePartQuery,
  type ScorePartSchema,
} from './read/score-parts';
export { type ScoreReadSchema, scoreReads } from './read/scores';
export {
  type FilteredSessionQuery,
  readSessionRow,
  SESSION_ROW_COLUMNS,
  SESSION_SORT_COLUMNS,
  type SessionRowSchema,
  type SessionRowValues,
  sessionStatusSql,
  toSessionRow,
  whereStarted,
} from './read/session-rows';
export { afterNullPosition, NULLABLE_SORT_COLUMNS } from './read/session-scan';
export { type GuardedCalls, guardedCalls, openOrUnavailable } from './store/guarded-calls';
export { PendingRefresh } from './store/pending-refresh';
export { snapshotReader } from './store/read-snapshot';
export {
  acquireLease,
  readLease,
  releaseLease,
  renewLease,
  type SyncLeaseSchema,
  type SyncLeaseTable,
} from './sync/lease';
export {
  patchSyncState,
  readSyncState,
  type SyncStateSchema,
  type SyncStateTable,
} from './sync/sync-state';
export { linkAllToSessions, type SessionLinkSchema } from './write/link-all-sessions';
export { replaceAllButKey } from './write/replace-all-but-key';
export {
  linkScoresToObservations,
  type ObservationKeys,
  observationKeysOf,
  refreshScoreSessions,
  SCORE_GROUP_COLUMNS,
  SCORE_GROUP_KINDS,
  type ScoreFollowSchema,
  scoreGroupRows,
  scoresOffTheirObservation,
} from './write/score-follows';
export {
  relinkScores,
  SCORE_COLUMNS,
  SCORE_FACT_COLUMNS,
  SCORE_ROLLUP_COLUMNS,
  type ScoreLinkSchema,
  STORED_SCORE_COLUMNS,
} from './write/score-rows';
export { type FollowerSchema, relinkFollowers, type TraceMove } from './write/trace-followers';
