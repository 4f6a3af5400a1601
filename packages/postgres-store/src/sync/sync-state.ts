import { INITIAL_SYNC_STATE, type SyncState, type SyncStatePatch } from '@cupid-dashboard/core';
import type { Db } from '../db/types';

/** The persisted sync state (one JSON row); {@link INITIAL_SYNC_STATE} when none was saved. */
export async function readSyncState(db: Db): Promise<SyncState> {
  const row = await db
    .selectFrom('sync_state')
    .select('state')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.state) as SyncState) : { ...INITIAL_SYNC_STATE };
}

/**
 * Applies a shallow patch inside the caller's transaction and returns the new state. The row is
 * locked (`FOR UPDATE`) before it is read, so two instances patching at once apply both patches.
 */
export async function patchSyncState(db: Db, patch: SyncStatePatch): Promise<SyncState> {
  await db
    .insertInto('sync_state')
    .values({ id: 1, state: JSON.stringify(INITIAL_SYNC_STATE) })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('sync_state')
    .select('state')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = JSON.parse(row.state) as SyncState;
  for (const key of Object.keys(patch) as (keyof SyncState)[]) {
    if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
  }
  const state = JSON.stringify(next);
  await db.updateTable('sync_state').set({ state }).where('id', '=', 1).execute();
  return JSON.parse(state) as SyncState;
}
