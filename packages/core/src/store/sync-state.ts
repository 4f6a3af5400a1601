import type { EpochMs } from '../domain/records';
import type { JsonValue } from './common';
import type { EntityCounts } from './upsert';

/** The sync state machine: `idle → running → success | error | rate_limited`. */
export type SyncStatus = 'idle' | 'running' | 'success' | 'error' | 'rate_limited';

/** Which Langfuse API generation the sync reads; `null` until a run has chosen one. */
export type SyncApiMode = 'v2' | 'legacy';

/** A secret-free summary of why a run failed. */
export interface SyncErrorInfo {
  /** The stable `code` of the `DashboardError`, or `'UNKNOWN'`. */
  code: string;
  message: string;
}

/** One sync run, as the status route shows it. */
export interface SyncRunInfo {
  startedAt: EpochMs;
  /** Null while the run is in progress. */
  finishedAt: EpochMs | null;
  status: SyncStatus;
  /** Records written by the run. */
  counts: EntityCounts;
  /** HTTP requests the run made to Langfuse. */
  requests: number;
  /** Null while the run is in progress. Milliseconds. */
  durationMs: number | null;
  error: SyncErrorInfo | null;
}

/** Live progress of a running sync. */
export interface SyncProgress {
  /** e.g. `'observations'`; free-form, for display. */
  phase: string;
  pages: number;
  records: number;
  updatedAt: EpochMs;
}

/**
 * The persisted sync state. A fresh store returns {@link INITIAL_SYNC_STATE}-like values:
 * status `'idle'` and every other field null.
 */
export interface SyncState {
  status: SyncStatus;
  /** Start time up to which everything is synced; the next run reads from `watermark - lookback`. */
  watermark: EpochMs | null;
  /** Opaque resume position, written after every committed page; JSON round-trips exactly. */
  checkpoint: JsonValue | null;
  lastRun: SyncRunInfo | null;
  /** When the last successful run finished: the "data as of" time. */
  lastSuccessAt: EpochMs | null;
  progress: SyncProgress | null;
  apiMode: SyncApiMode | null;
}

/**
 * A partial update of {@link SyncState}: fields present replace the stored ones (shallow: a
 * `lastRun` given replaces the whole `lastRun`), `null` clears, absent fields stay.
 *
 * @example
 * await store.saveSyncState({ status: 'running', progress: { phase: 'observations', pages: 0, records: 0, updatedAt: now } });
 */
export type SyncStatePatch = Partial<SyncState>;

/** The holder of the sync lease. */
export interface SyncLease {
  owner: string;
  acquiredAt: EpochMs;
  /** The lease is free from this instant on (expired when `expiresAt <= now`). */
  expiresAt: EpochMs;
}

/** The state of a store that has never synced. */
export const INITIAL_SYNC_STATE: Readonly<SyncState> = Object.freeze({
  status: 'idle',
  watermark: null,
  checkpoint: null,
  lastRun: null,
  lastSuccessAt: null,
  progress: null,
  apiMode: null,
});

/**
 * `state` with `patch` applied the way every store's `saveSyncState` applies it: fields present
 * replace the stored ones (shallow), `null` clears, absent or `undefined` fields stay. Returns a
 * new object; `state` is not changed.
 *
 * @example
 * applySyncStatePatch(INITIAL_SYNC_STATE, { status: 'running' }).status; // 'running'
 */
export function applySyncStatePatch(state: SyncState, patch: SyncStatePatch): SyncState {
  const next: SyncState = { ...state };
  for (const key of Object.keys(patch) as (keyof SyncState)[]) {
    if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
  }
  return next;
}
