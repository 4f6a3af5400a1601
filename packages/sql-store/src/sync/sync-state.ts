import {
  applySyncStatePatch,
  INITIAL_SYNC_STATE,
  type SyncState,
  type SyncStatePatch,
} from '@cupid-dashboard/core';
import { type SqlDb, sharedView } from '../db/view';

/** The sync state: one row (id 1) of JSON text. */
export interface SyncStateTable {
  id: number;
  state: string;
}

/** The table the sync state is kept in. */
export interface SyncStateSchema {
  sync_state: SyncStateTable;
}

const onState = sharedView<SyncStateSchema>();

/** The persisted sync state (one JSON row); {@link INITIAL_SYNC_STATE} when none was saved. */
export async function readSyncState<DB extends SyncStateSchema>(db: SqlDb<DB>): Promise<SyncState> {
  const row = await onState(db)
    .selectFrom('sync_state')
    .select('state')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.state) as SyncState) : { ...INITIAL_SYNC_STATE };
}

/**
 * Applies a shallow patch (core's `applySyncStatePatch`) inside the caller's write transaction and
 * returns the new state, as it reads back from the JSON column.
 *
 * @param lockRow read the row `FOR UPDATE` (PostgreSQL, where writers of several instances may
 *   patch at once: both patches apply). SQLite has no row locks and needs none: its write
 *   transaction holds the database's one write lock from the start.
 */
export async function patchSyncState<DB extends SyncStateSchema>(
  db: SqlDb<DB>,
  patch: SyncStatePatch,
  { lockRow }: { lockRow: boolean },
): Promise<SyncState> {
  const table = onState(db);
  // The row exists before it is read, so there is a row to lock.
  await table
    .insertInto('sync_state')
    .values({ id: 1, state: JSON.stringify(INITIAL_SYNC_STATE) })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const row = await table
    .selectFrom('sync_state')
    .select('state')
    .where('id', '=', 1)
    .$if(lockRow, (query) => query.forUpdate())
    .executeTakeFirstOrThrow();
  const state = JSON.stringify(applySyncStatePatch(JSON.parse(row.state) as SyncState, patch));
  await table.updateTable('sync_state').set({ state }).where('id', '=', 1).execute();
  return JSON.parse(state) as SyncState;
}
