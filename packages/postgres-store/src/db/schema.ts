import type {
  CounterTable,
  Num,
  ScoreGroupHourColumns,
  ScoreHourColumns,
  ScoreSessionColumns,
  ScoreTableColumns,
  ScoreValueHourColumns,
  SessionAggColumns,
  SyncTables,
  TraceKeyColumns,
} from '@cupid-dashboard/sql-store';
import type { ColumnType } from 'kysely';

/**
 * The tables of the store as Kysely sees them. Raw records keep their JSON text whole (`record`);
 * the columns beside it are what queries filter, sort and add up, worked out once at write time
 * with core's semantics functions. Times are epoch milliseconds in `bigint` columns, which
 * node-postgres returns as strings: readers convert with `toNumber`.
 * The one-row tables every SQL store keeps (sync state, lease, data version) are `SyncTables`.
 */
export interface StoreSchema extends SyncTables {
  sessions: SessionTable;
  traces: TraceTable;
  observations: ObservationTable;
  session_agg: SessionAggTable;
  agent_first: AgentFirstTable;
  trace_agg: TraceAggTable;
  fact_hour: FactRollupTable;
  fact_day: FactRollupTable;
  /** Dropped by migration 0007 (its rows became `fact_*_sketch` rows); typed for the migrations before it. */
  fact_hour_bins: FactBinTable;
  fact_day_bins: FactBinTable;
  fact_hour_sketch: FactSketchTable;
  fact_day_sketch: FactSketchTable;
  fact_hour_sketch_all: FactSketchAllTable;
  fact_day_sketch_all: FactSketchAllTable;
  counters: CounterTable;
  trace_hour: TraceRollupTable;
  trace_day: TraceRollupTable;
  agent_first_hour: FirstCallRollupTable;
  agent_first_day: FirstCallRollupTable;
  scores: ScoreTable;
  score_hour: ScoreHourTable;
  score_hour_bins: ScoreHourBinTable;
  score_value_hour: ScoreValueHourTable;
  score_group_hour: ScoreGroupHourTable;
  score_session: ScoreSessionTable;
}

/** Numbers as written (JS numbers) and as read back (`bigint` and `numeric` arrive as strings). */
export type { Num };

export interface SessionTable {
  id: string;
  created_at: Num;
  record: string;
}

export interface TraceTable extends TraceKeyColumns<Num> {
  record: string;
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
  start_time: Num;
  end_time: Num | null;
  updated_at: Num | null;
  chapter: number | null;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  latency_ms: number | null;
  /** `latencyBucketIndex(latency_ms)`: the sketch bin the rollups count it in. */
  latency_bin: number | null;
  is_error: boolean;
  status_message: string | null;
  record: string;
}

/** Every `SessionRow` field but status (judged at query time), plus the normalized search text. */
export interface SessionAggTable extends SessionAggColumns<Num> {
  /** `sessionIdentText`: normalized id and user id. */
  ident: string;
  /** Normalized message contents, one distinct line each (`generationSearchLines`). */
  body: string;
  /** `shortSearchGrams` of `ident` and `body` (migration 0008), for searches of 1–2 characters. */
  grams: string[];
  /** Where `user_id` came from (core's `SessionFold.userSource`); null before it was kept. */
  user_kind: 'trace' | 'observation' | null;
  user_time: Num | null;
  user_source: string | null;
}

/** Start of each agent's first call in each session. */
export interface AgentFirstTable {
  agent: string;
  session_id: string;
  first_start: Num;
}

/** A trace as v4 defines it: its record's timestamp (else its earliest observation), latency, cost. */
export interface TraceAggTable {
  id: string;
  timestamp: Num;
  latency_ms: number | null;
  cost: number;
  /** The trace record's timestamp; null while only observations name the trace. */
  record_timestamp: Num | null;
  /** Earliest observation start and latest activity end (`activityEnd`); null without any. */
  first_start: Num | null;
  last_end: Num | null;
  obs_count: number;
}

/** The key of a fact rollup row: UTC bucket start, agent and model (`has_*` false: null). */
interface FactKey {
  bucket: Num;
  has_agent: boolean;
  agent: string;
  has_model: boolean;
  model: string;
}

/** What the observations of one bucket × agent × model add up to. */
export interface FactRollupTable extends FactKey {
  calls: Num;
  generations: Num;
  errors: Num;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  latency_count: Num;
  latency_sum: number;
}

/** How many latencies of one bucket × agent fall in one sketch bin. */
/**
 * The latency sketch of one UTC bucket × agent as one row: `bins` maps each sketch bin (core's
 * `latencyBucketIndex`, as a JSON key) to its count, absent bins counting 0; `count` is their sum.
 */
export interface FactSketchTable extends Pick<FactKey, 'bucket' | 'has_agent' | 'agent'> {
  count: Num;
  /** Read as an object; written as its JSON text. */
  bins: ColumnType<Record<string, number>, string, string>;
}

/** The latency sketch of one UTC bucket over every agent (what the dashboard's series reads). */
export type FactSketchAllTable = Pick<FactSketchTable, 'bucket' | 'count' | 'bins'>;

export interface FactBinTable extends Pick<FactKey, 'bucket' | 'has_agent' | 'agent'> {
  bin: number;
  count: Num;
}

/** The traces of one UTC bucket of their time. */
export interface TraceRollupTable {
  bucket: Num;
  traces: Num;
  latency_count: Num;
  latency_sum: number;
}

/** The sessions whose first call of one agent falls in one UTC bucket. */
export interface FirstCallRollupTable {
  agent: string;
  bucket: Num;
  sessions: Num;
}
/**
 * A Langfuse score, its columns as the queries read them. `sketch_bin` and `counted_value` are
 * where core's `scoreRollupKeys` counts it, worked out at write time so the rollups add up in SQL.
 */
export interface ScoreTable extends ScoreTableColumns<Num> {
  sketch_bin: number | null;
  counted_value: string | null;
}

/** What the scores of one UTC hour × name × data type × source add up to. */
export type ScoreHourTable = ScoreHourColumns<Num>;

/** How many NUMERIC values of one hour × name fall in one score sketch bin. */
export interface ScoreHourBinTable {
  bucket: Num;
  name: string;
  bin: number;
  count: Num;
}

/** How many BOOLEAN or CATEGORICAL scores of one hour × name have one value. */
export type ScoreValueHourTable = ScoreValueHourColumns<Num>;

/** Scores per UTC hour and name, by their observation's agent and by its model. */
export type ScoreGroupHourTable = ScoreGroupHourColumns<Num>;

/** The scores of one name in one session: count, mean, first and last time. */
export type ScoreSessionTable = ScoreSessionColumns<Num>;
