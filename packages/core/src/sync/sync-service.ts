import type { EpochMs } from '../domain/records';
import type {
  SyncApiMode,
  SyncErrorInfo,
  SyncProgress,
  SyncState,
  SyncStatus,
} from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';
import type { SkippedRecords, SyncVerification, SyncWindow } from './types';

/**
 * What one sync run did, once it has finished (successfully or not). `createSyncService` sets
 * every optional field; they are optional so other implementations (test fakes) may omit them.
 */
export interface SyncRunResult {
  status: Extract<SyncStatus, 'success' | 'error' | 'rate_limited'>;
  apiMode: SyncApiMode;
  startedAt: EpochMs;
  finishedAt: EpochMs;
  /** Milliseconds. */
  durationMs: number;
  /** Records fetched from Langfuse and written to the store (malformed records excluded). */
  counts: EntityCounts;
  /** HTTP requests this run sent to Langfuse, retries included. */
  requests: number;
  /** Malformed records Langfuse returned that were skipped, by id where the record had one. */
  skipped: { count: number; ids: string[] };
  /** Set when status is `'error'` or `'rate_limited'`; never contains a key. */
  error: SyncErrorInfo | null;
  /** For `'rate_limited'`: when Langfuse said a retry may succeed, epoch ms. */
  retryAt: EpochMs | null;
  /** The window the run read; null when it did not start (e.g. the lease was held elsewhere). */
  window?: SyncWindow | null;
  /** True when the run continued from the checkpoint of a stopped run. */
  resumed?: boolean;
  /** Local counts against fetched counts; null when the run did not reach the end. */
  verification?: SyncVerification | null;
  /**
   * Set when another process held the store's sync lease: its owner id. Then this call did
   * nothing, `status` is `'error'` with code `SYNC_LEASE_HELD`, and nothing was persisted.
   */
  leaseHeldBy?: string | null;
}

/** The persisted state plus what only the running process knows. */
export interface SyncStatusReport extends SyncState {
  /** True while a run is in progress in this process or (via the lease) another one. */
  running: boolean;
  /** When a `rate_limited` run said a retry may succeed, epoch ms; else null. */
  retryAt?: EpochMs | null;
  /** Malformed records the last run skipped. */
  skipped?: SkippedRecords | null;
  /** The last completed run's verification. */
  verification?: SyncVerification | null;
}

/** The answer to {@link SyncService.trigger}. */
export interface SyncTrigger {
  /** False when a run was already in progress and this trigger joined it. */
  started: boolean;
  /** Settles when the run (started or joined) finishes; never rejects. */
  run: Promise<SyncRunResult>;
}

/**
 * A run of this process starting or finishing, as {@link SyncService.onRun} reports it. A caller
 * that joins a run in progress causes no event: one run, one `started`, one `finished`.
 */
export type SyncRunEvent =
  | { type: 'started' /** epoch ms */; at: EpochMs }
  | { type: 'finished'; result: SyncRunResult };

/**
 * Incremental, resumable, single-flight sync from Langfuse into a `DashboardStore`.
 * Create one with `createSyncService`.
 */
export interface SyncService {
  /**
   * Runs a sync, or joins the one in progress, and resolves with its result. Never rejects.
   * `signal` stops the run (the joined one too) after its last committed page.
   */
  sync(options?: { signal?: AbortSignal }): Promise<SyncRunResult>;
  /** Starts a run in the background, or joins the one in progress. */
  trigger(): SyncTrigger;
  /** The persisted state with `running`. */
  getStatus(): Promise<SyncStatusReport>;
  /** Calls `listener` on every progress update of a run; returns an unsubscribe function. */
  onProgress(listener: (progress: SyncProgress) => void): () => void;
  /**
   * Calls `listener` when a run of this process starts and when it finishes (a run skipped
   * because another process holds the lease finishes at once with `SYNC_LEASE_HELD`); returns an
   * unsubscribe function. Metrics and live updates hang off it.
   *
   * @example
   * sync.onRun((event) => event.type === 'finished' && console.log(event.result.status));
   */
  onRun(listener: (event: SyncRunEvent) => void): () => void;
  /** True while this process runs a sync. */
  readonly isRunning: boolean;
}
