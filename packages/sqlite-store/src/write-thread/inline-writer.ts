import { type DashboardPreset, storedAny } from '@cupid-dashboard/core';
import {
  acquireLease,
  bumpDataVersion,
  patchSyncState,
  releaseLease,
  renewLease,
} from '@cupid-dashboard/sql-store';
import { writeTransaction } from '../db/transactions';
import type { Db } from '../db/types';
import { rebuildAll } from '../write/rebuild';
import { upsertBatch } from '../write/upsert';
import type { StoreWriter } from './store-writer';

/**
 * A {@link StoreWriter} on the calling thread: each call is one `BEGIN IMMEDIATE` transaction on
 * `writer`. `close` is the caller's: the connection belongs to whoever opened it.
 *
 * Writes an answer may show (`writeData`) bump the data version in their own transaction, so the
 * version commits with the data; the lease is not data and leaves it alone.
 */
export function createInlineWriter(
  writer: Db,
  preset: DashboardPreset,
  close: () => Promise<void>,
): StoreWriter {
  const write = <T>(body: (db: Db) => Promise<T>) => writeTransaction(writer, body);
  const writeData = <T>(body: (db: Db) => Promise<T>, changed: (result: T) => boolean) =>
    write(async (db) => {
      const result = await body(db);
      if (changed(result)) await bumpDataVersion(db);
      return result;
    });
  return {
    upsert: (batch) => writeData((db) => upsertBatch(db, batch, preset), storedAny),
    rebuild: () => writeData((db) => rebuildAll(db, preset), always),
    saveSyncState: (patch) =>
      writeData((db) => patchSyncState(db, patch, { lockRow: false }), always),
    acquireLease: (owner, ttlMs, now) => write((db) => acquireLease(db, owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => write((db) => renewLease(db, owner, ttlMs, now)),
    releaseLease: (owner) => write((db) => releaseLease(db, owner)),
    close,
  };
}

const always = () => true;
