import type { EpochMs, ObservationRecord, SessionRecord, TraceRecord } from '../domain/records';
import type { ScoreRecord } from '../domain/score';

/**
 * Records to write in one call. Every array is optional; order inside and across arrays does not
 * matter (an observation may arrive before its trace).
 *
 * Version rule, per id: of two versions the one with the later `updatedAt` wins; when either
 * `updatedAt` is null the one upserted last wins (so a batch may carry the same id twice and the
 * later element wins). `SessionRecord` has no `updatedAt`: the last upsert wins.
 *
 * Scores follow the same rule (a score overwritten at the source comes again with the same id
 * and a later `updatedAt`, and replaces ours). A score may arrive before the trace it links its
 * session through; it is linked when the trace arrives, and follows the trace if its session
 * changes. Scores touch no derived keys: a store keeps their rollups current as it writes them,
 * and session rows read them at query time.
 *
 * @example
 * await store.upsert({ traces: [trace], observations: [generation, span], scores: [helpfulness] });
 */
export interface UpsertBatch {
  sessions?: readonly SessionRecord[];
  traces?: readonly TraceRecord[];
  observations?: readonly ObservationRecord[];
  scores?: readonly ScoreRecord[];
}

/** Record counts per entity. */
export interface EntityCounts {
  sessions: number;
  traces: number;
  observations: number;
  scores: number;
}

/**
 * The derived-data keys a write may have changed: both the keys of the version written and of the
 * version it replaced (an observation that moves to another session touches both sessions).
 * Arrays hold distinct values in no particular order.
 *
 * A trace whose `sessionId` changes also touches the sessions, agents, models and buckets of its
 * observations that have no `sessionId` of their own (they follow their trace).
 */
export interface TouchedKeys {
  sessionIds: string[];
  traceIds: string[];
  /** Observation names (agents). */
  agentNames: string[];
  models: string[];
  /** UTC hour starts (epoch ms) of the start times involved; day buckets follow from them. */
  hourBuckets: EpochMs[];
}

/**
 * What one {@link DashboardStore.upsert} did.
 *
 * @example
 * const { written, skipped, touched } = await store.upsert(batch);
 * // written.observations: versions stored; skipped.observations: older versions ignored
 */
export interface UpsertResult {
  /** Versions stored (new ids and replacements, including identical re-deliveries). */
  written: EntityCounts;
  /** Versions ignored because the stored one has a later `updatedAt`. */
  skipped: EntityCounts;
  touched: TouchedKeys;
}

/** What one {@link DashboardStore.refresh} recomputed. */
export interface RefreshResult {
  sessions: number;
  traces: number;
  agents: number;
  models: number;
  hourBuckets: number;
}

/**
 * Row counts, for sync verification (local counts against what was synced) and status output.
 * `records` are the stored raw records; `derived` what queries see after a refresh.
 */
export interface StoreCounts {
  records: EntityCounts;
  derived: {
    /** Known sessions: session records plus session ids referenced by traces or observations. */
    sessions: number;
    /** Known traces: trace records plus trace ids referenced by observations. */
    traces: number;
    /** Distinct non-null observation names. */
    agents: number;
    /** Distinct non-null observation models. */
    models: number;
    /** Distinct score names. */
    scoreNames: number;
  };
}
