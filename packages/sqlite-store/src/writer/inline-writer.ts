import type { DashboardPreset } from '@cupid-dashboard/core';
import { writeTransaction } from '../db/transactions';
import type { Db } from '../db/types';
import { acquireLease, patchSyncState, releaseLease, renewLease } from '../sync/sync-state';
import { rebuildAll } from '../write/rebuild';
import { upsertBatch } from '../write/upsert';
import type { StoreWriter } from './store-writer';

/**
 * A {@link StoreWriter} on the calling thread: each call is one `BEGIN IMMEDIATE` transaction on
 * `writer`. `close` is the caller's: the connection belongs to whoever opened it.
 */
export function createInlineWriter(
  writer: Db,
  preset: DashboardPreset,
  close: () => Promise<void>,
): StoreWriter {
  const write = <T>(body: (db: Db) => Promise<T>) => writeTransaction(writer, body);
  return {
    upsert: (batch) => write((db) => upsertBatch(db, batch, preset)),
    rebuild: () => write((db) => rebuildAll(db, preset)),
    saveSyncState: (patch) => write((db) => patchSyncState(db, patch)),
    acquireLease: (owner, ttlMs, now) => write((db) => acquireLease(db, owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => write((db) => renewLease(db, owner, ttlMs, now)),
    releaseLease: (owner) => write((db) => releaseLease(db, owner)),
    close,
  };
}
