import type { EpochMs } from '../domain/records';
import type { SyncApiMode, SyncRunInfo } from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';

/** The start-time window one run reads: `[from, to)`, epoch ms; `from` null means "from the beginning". */
export interface SyncWindow {
  from: EpochMs | null;
  to: EpochMs;
}

/** Malformed records Langfuse returned that were skipped, never written. */
export interface SkippedRecords {
  count: number;
  /** Ids of skipped records that had one (at most 100 are kept). */
  ids: string[];
}

/**
 * Local counts against what the run fetched, so a gap is visible in the status and the log.
 *
 * `ok` holds when the store accounted for every record sent (`written + olderVersions = sent`
 * for the pages of this process) and the store grew by at most what was fetched (it cannot
 * gain records the run never saw, nor lose any).
 */
export interface SyncVerification {
  /** Records the run sent to the store, resumed pages included (v2 traces and sessions are derived). */
  fetched: EntityCounts;
  /** Versions the store stored from this process's pages. */
  written: EntityCounts;
  /** Versions the store ignored because it held a later one (v2: partial trace derivations). */
  olderVersions: EntityCounts;
  /** Stored records when this process started the run. */
  before: EntityCounts;
  /** Stored records when the run ended. */
  stored: EntityCounts;
  ok: boolean;
  /** One line for people, e.g. `observations: 1200 fetched, 1200 stored (+1200)`. */
  summary: string;
}

/**
 * What `lastRun` holds when this service wrote it: the store's {@link SyncRunInfo} plus the
 * mode, window, skipped records, retry time and verification. Stores keep it as JSON.
 */
export interface SyncRunRecord extends SyncRunInfo {
  apiMode: SyncApiMode | null;
  window: SyncWindow | null;
  skipped: SkippedRecords;
  /** For `rate_limited`: when a retry may succeed, epoch ms. */
  retryAt: EpochMs | null;
  verification: SyncVerification | null;
  /** True when the run continued from a checkpoint a stopped run left. */
  resumed: boolean;
}
