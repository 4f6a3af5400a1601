import type {
  CounterTable,
  ScoreGroupHourColumns,
  ScoreHourColumns,
  ScoreSessionColumns,
  ScoreTableColumns,
  ScoreValueHourColumns,
  SessionAggColumns,
  SyncTables,
  TraceKeyColumns,
} from '@cupid-dashboard/sql-store';
import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of the store as Kysely sees them. Raw records keep every field (JSON columns as
 * text); the derived columns of `observations` (cost, tokens, chapter, latency, effective session)
 * are worked out once at write time with core's semantics functions.
 * The one-row tables every SQL store keeps (sync state, lease, data version) are `SyncTables`.
 */
export interface StoreSchema extends SyncTables {
  sessions: SessionTable;
  traces: TraceTable;
  observations: ObservationTable;
  session_agg: SessionAggTable;
  session_fts: SessionFtsTable;
  session_chars: SessionCharsTable;
  session_pairs: SessionPairsTable;
  agent_first: AgentFirstTable;
  trace_agg: TraceAggTable;
  rollup_hour: RollupTable;
  rollup_day: RollupTable;
  rollup_total_hour: RollupTotalTable;
  rollup_total_day: RollupTotalTable;
  agent_sessions_hour: AgentSessionsTable;
  agent_sessions_day: AgentSessionsTable;
  session_hour: SessionRollupTable;
  session_day: SessionRollupTable;
  trace_hour: TraceRollupTable;
  trace_day: TraceRollupTable;
  scores: ScoreTable;
  score_hour: ScoreHourTable;
  score_value_hour: ScoreValueHourTable;
  score_group_hour: ScoreGroupHourTable;
  score_session: ScoreSessionTable;
  counters: CounterTable;
}

export interface SessionTable {
  id: string;
  created_at: number;
  environment: string;
}

export interface TraceTable extends TraceKeyColumns<number> {
  name: string | null;
  release: string | null;
  version: string | null;
  environment: string;
  tags: string;
  input: string | null;
  output: string | null;
  metadata: string | null;
}

export interface ObservationTable {
  id: string;
  trace_id: string | null;
  session_id: string | null;
  /** `session_id ?? trace.session_id`, kept current when a trace arrives or moves. */
  eff_session_id: string | null;
  user_id: string | null;
  type: string;
  name: string | null;
  model: string | null;
  level: string;
  start_time: number;
  end_time: number | null;
  updated_at: number | null;
  chapter: number | null;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  latency_ms: number | null;
  is_error: number;
  status_message: string | null;
  parent_observation_id: string | null;
  completion_start_time: number | null;
  environment: string;
  total_cost: number | null;
  usage_details: string;
  cost_details: string;
  metadata: string | null;
  input: string | null;
  output: string | null;
}

export interface SessionAggTable extends SessionAggColumns<number> {
  rowid: Generated<number>;
  /** JSON `{ agent: start of its first call }`, the session's rows of `agent_first`. */
  first_calls: string;
}

/** FTS5 (trigram) over normalized text; rowid = `session_agg.rowid`. */
export interface SessionFtsTable {
  rowid: number;
  /** Normalized session id and user id, one per line. */
  ident: string;
  /** Normalized message contents, one distinct line each. */
  body: string;
  /** The table-named column FTS5 MATCHes against; never written. */
  session_fts: ColumnType<string, never, never>;
}

/** The distinct characters of a session's search text (`db/search-grams.ts`); rowid = `session_agg.rowid`. */
export interface SessionCharsTable {
  rowid: number;
  chars: string;
}

/**
 * The pair bitmap of a session's search text (`db/search-grams.ts`); rowid = `session_agg.rowid`.
 * Apart from the characters, so a one-character search scans only those.
 */
export interface SessionPairsTable {
  rowid: number;
  pairs: Uint8Array;
}

export interface AgentFirstTable {
  session_id: string;
  agent: string;
  first_start: number;
}

export interface TraceAggTable {
  id: string;
  /** The trace record's timestamp; null while only observations name the trace. */
  record_ts: number | null;
  first_start: number | null;
  last_end: number | null;
  obs_count: number;
  /** `record_ts ?? first_start`. */
  timestamp: number;
  latency_ms: number | null;
}

/** Observation facts per UTC bucket, agent and model; `has_*` = 0 stands for a null key. */
export interface RollupTable {
  bucket: number;
  has_agent: number;
  agent: string;
  has_model: number;
  model: string;
  calls: number;
  generations: number;
  errors: number;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  latency_count: number;
  latency_sum: number;
  max_start: number;
  /** Latency sketch counts, see `sketch.ts`. */
  bins: Uint8Array;
}

/**
 * Observation facts per UTC bucket across every agent and model: what a dashboard's series and
 * KPIs add up, one row per bucket instead of one per agent × model.
 */
export type RollupTotalTable = Omit<RollupTable, 'has_agent' | 'agent' | 'has_model' | 'model'>;

export interface AgentSessionsTable {
  bucket: number;
  agent: string;
  sessions: number;
}

/** Sessions by the UTC bucket they started in. */
export interface SessionRollupTable {
  bucket: number;
  sessions: number;
  duration_sum: number;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  /** JSON `{ "<chapter reached or null>": [sessions, sessions with errors] }`. */
  chapters: string;
}

export interface TraceRollupTable {
  bucket: number;
  traces: number;
  latency_count: number;
  latency_sum: number;
}

/** A score: core's `ScoreColumns`, and its observation's agent and model. */
export type ScoreTable = ScoreTableColumns<number>;

/** Scores per UTC hour and name, by their observation's agent and by its model. */
export type ScoreGroupHourTable = ScoreGroupHourColumns<number>;

/** The scores of one name in one session: count, mean, first and last time. */
export type ScoreSessionTable = ScoreSessionColumns<number>;

/** Scores per UTC hour, name, data type and source. */
export interface ScoreHourTable extends ScoreHourColumns<number> {
  /** Score sketch counts of NUMERIC values (`scoreBucketIndex`), see `sketch.ts`. */
  bins: Uint8Array;
}

/** BOOLEAN and CATEGORICAL scores per UTC hour, name and value. */
export type ScoreValueHourTable = ScoreValueHourColumns<number>;
