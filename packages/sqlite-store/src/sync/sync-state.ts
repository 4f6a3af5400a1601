import {
  checkLeaseArgs,
  type EpochMs,
  INITIAL_SYNC_STATE,
  type SyncLease,
  type SyncState,
  type SyncStatePatch,
} from '@cupid-dashboard/core';
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

/** Applies a shallow patch inside the caller's write transaction and returns the new state. */
export async function patchSyncState(db: Db, patch: SyncStatePatch): Promise<SyncState> {
  const next: SyncState = { ...(await readSyncState(db)) };
  for (const key of Object.keys(patch) as (keyof SyncState)[]) {
    if (patch[key] !== undefined) Object.assign(next, { [key]: patch[key] });
  }
  const state = JSON.stringify(next);
  await db
    .insertInto('sync_state')
    .values({ id: 1, state })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ state }))
    .execute();
  return JSON.parse(state) as SyncState;
}

/** The lease row, expired or not. */
export async function readLease(db: Db): Promise<SyncLease | null> {
  const row = await db.selectFrom('sync_lease').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? { owner: row.owner, acquiredAt: row.acquired_at, expiresAt: row.expires_at } : null;
}

/**
 * Takes or extends the lease; call inside a `BEGIN IMMEDIATE` transaction so the read and the
 * write are one atomic step across processes.
 */
export async function acquireLease(
  db: Db,
  owner: string,
  ttlMs: number,
  now: EpochMs,
): Promise<boolean> {
  checkLeaseArgs(owner, ttlMs, now);
  const current = await readLease(db);
  const live = current !== null && current.expiresAt > now;
  if (live && current.owner !== owner) return false;
  const acquiredAt = live ? current.acquiredAt : now;
  await writeLease(db, { owner, acquiredAt, expiresAt: now + ttlMs });
  return true;
}

/** Extends a live lease held by `owner`; call inside a write transaction. */
export async function renewLease(
  db: Db,
  owner: string,
  ttlMs: number,
  now: EpochMs,
): Promise<boolean> {
  checkLeaseArgs(owner, ttlMs, now);
  const current = await readLease(db);
  if (current === null || current.owner !== owner || current.expiresAt <= now) return false;
  await writeLease(db, { ...current, expiresAt: now + ttlMs });
  return true;
}

/** Frees the lease when `owner` holds it. */
export async function releaseLease(db: Db, owner: string): Promise<void> {
  await db.deleteFrom('sync_lease').where('id', '=', 1).where('owner', '=', owner).execute();
}

async function writeLease(db: Db, lease: SyncLease): Promise<void> {
  const values = {
    owner: lease.owner,
    acquired_at: lease.acquiredAt,
    expires_at: lease.expiresAt,
  };
  await db
    .insertInto('sync_lease')
    .values({ id: 1, ...values })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
}
