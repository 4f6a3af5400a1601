import type {
  DashboardStore,
  RefreshResult,
  UpsertBatch,
  UpsertResult,
} from '@cupid-dashboard/core';

/**
 * Everything a store does that writes: the one place the write connection is used. Runs either
 * on the caller's thread ({@link createInlineWriter}) or on a worker thread of its own
 * ({@link startThreadWriter}); the store cannot tell them apart.
 */
export interface StoreWriter {
  /** Stores a validated batch and everything derived from it, in one transaction. */
  upsert(batch: UpsertBatch): Promise<UpsertResult>;
  /** Rebuilds every derived row from the raw records (`refresh('all')`). */
  rebuild(): Promise<RefreshResult>;
  saveSyncState: DashboardStore['saveSyncState'];
  acquireLease: DashboardStore['acquireLease'];
  renewLease: DashboardStore['renewLease'];
  releaseLease: DashboardStore['releaseLease'];
  /** Closes the write connection (and stops the thread, if any). */
  close(): Promise<void>;
}

/** The methods a writer answers, by name: what a call to a write thread may ask for. */
export type WriterMethod = Exclude<keyof StoreWriter, 'close'>;
