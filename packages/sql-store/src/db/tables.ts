import type { ScoreColumns } from '@cupid-dashboard/core';
import type { SyncLeaseTable } from '../sync/lease';
import type { SyncStateTable } from '../sync/sync-state';
import type { DataVersionTable } from './data-version';

/**
 * The columns both stores' tables share, by the type each store reads its wide numbers as:
 * `number` for SQLite, `Num` for PostgreSQL (`bigint` columns come back as strings).
 */

/** A trace's identity columns (the rest of a trace row is each store's own). */
export interface TraceKeyColumns<Big> {
  id: string;
  timestamp: Big;
  session_id: string | null;
  user_id: string | null;
  updated_at: Big | null;
}

/**
 * A session's aggregate: every `SessionRow` figure but the status, which is judged at query time.
 * Times and the duration are epoch milliseconds and milliseconds.
 */
export interface SessionAggColumns<Big> {
  id: string;
  user_id: string | null;
  started_at: Big;
  last_activity_at: Big;
  duration_ms: Big;
  trace_count: number;
  generation_count: number;
  observation_count: number;
  chapter_reached: number | null;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  error_count: number;
}

/** The one-row tables every SQL store keeps: sync state, sync lease and data version. */
export interface SyncTables {
  sync_state: SyncStateTable;
  sync_lease: SyncLeaseTable;
  data_version: DataVersionTable;
}

/** A score's row: one column per field of core's `ScoreColumns`, its times read as `Big`. */
export interface ScoreTableColumns<Big> extends Omit<ScoreColumns, 'timestamp' | 'updated_at'> {
  timestamp: Big;
  updated_at: Big | null;
  /**
   * The name and model of the score's observation as stored now (null while it is unknown), kept
   * current by the store so the breakdowns by agent and model read a rollup, not a join.
   */
  agent: string | null;
  model: string | null;
}

/**
 * What the scores of one name in one session add up to (every score of the name, whatever its
 * time): the session score filter's mean and the lowest sessions' candidates.
 */
export interface ScoreSessionColumns<Big> {
  name: string;
  session_id: string;
  count: Big;
  /** `sum / count` of the scores with a number; null when none has one. */
  mean: number | null;
  /** The earliest and latest score's timestamp (ms), and the time between them. */
  first_at: Big;
  last_at: Big;
  span: Big;
}

/**
 * What the scores of one UTC hour × name on observations of one agent (`kind` 'agent') or one
 * model (`kind` 'model') add up to.
 */
export interface ScoreGroupHourColumns<Big> {
  bucket: Big;
  name: string;
  kind: ScoreGroupKind;
  key: string;
  count: Big;
  /** Scores with a number, and the sum of those numbers. */
  value_count: Big;
  value_sum: number;
}

/** What a score group is keyed by: its observation's name (the agent) or its model. */
export type ScoreGroupKind = 'agent' | 'model';

/** What the scores of one UTC hour × name × data type × source add up to. */
export interface ScoreHourColumns<Big> {
  bucket: Big;
  name: string;
  data_type: string;
  source: string;
  count: Big;
  /** Scores with a number, and the sum of those numbers. */
  value_count: Big;
  value_sum: number;
}

/** How many BOOLEAN or CATEGORICAL scores of one UTC hour × name have one value. */
export interface ScoreValueHourColumns<Big> {
  bucket: Big;
  name: string;
  value: string;
  count: Big;
}
