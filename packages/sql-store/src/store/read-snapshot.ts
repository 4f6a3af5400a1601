import type { DashboardReads, DashboardStore } from '@cupid-dashboard/core';
import { type DataVersionSchema, readDataVersion } from '../db/data-version';
import type { SqlDb } from '../db/view';
import { readSyncState, type SyncStateSchema } from '../sync/sync-state';

/**
 * A SQL store's `readSnapshot`: the data version, the sync freshness and every query of the
 * callback read in one read transaction. The callback's own failures pass through as they are.
 *
 * @param transaction runs a body in one guarded read transaction of the store
 * @param readsOn the store's reads bound to that transaction (each guarded on its own)
 */
export function snapshotReader<DB extends DataVersionSchema & SyncStateSchema>(
  transaction: <T>(body: (db: SqlDb<DB>) => Promise<T>) => Promise<T>,
  readsOn: (db: SqlDb<DB>) => DashboardReads,
): DashboardStore['readSnapshot'] {
  return async (body) => {
    let failure: { error: unknown } | null = null;
    const snapshot = await transaction(async (db) => {
      // The first read fixes the transaction's snapshot, so the version names what follows.
      const version = await readDataVersion(db);
      const { lastSuccessAt } = await readSyncState(db);
      try {
        return { value: await body(readsOn(db)), version, lastSuccessAt };
      } catch (error) {
        failure = { error };
        return null;
      }
    });
    if (snapshot === null) throw (failure as { error: unknown } | null)?.error;
    return snapshot;
  };
}
