import { checkLeaseArgs, type EpochMs, type SyncLease } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { type Num, toNumber } from '../db/numbers';
import { type SqlDb, sharedView } from '../db/view';

/** The sync lease: at most one row (id 1), its holder and times in epoch milliseconds. */
export interface SyncLeaseTable {
  id: number;
  owner: string;
  acquired_at: Num;
  expires_at: Num;
}

/** The table the sync lease is kept in. */
export interface SyncLeaseSchema {
  sync_lease: SyncLeaseTable;
}

const onLease = sharedView<SyncLeaseSchema>();

/** The lease row, expired or not. */
export async function readLease<DB extends SyncLeaseSchema>(
  db: SqlDb<DB>,
): Promise<SyncLease | null> {
  const row = await onLease(db)
    .selectFrom('sync_lease')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  return row
    ? {
        owner: row.owner,
        acquiredAt: toNumber(row.acquired_at),
        expiresAt: toNumber(row.expires_at),
      }
    : null;
}

/**
 * Takes the lease when it is free or expired, or extends it for its holder, in one statement: an
 * upsert whose update only applies when the stored lease is `owner`'s or has expired, so a row
 * comes back exactly when the lease was taken. PostgreSQL locks the row for the conflict check
 * (of several instances calling at once exactly one gets it); SQLite runs it under the write
 * transaction's database lock.
 */
export async function acquireLease<DB extends SyncLeaseSchema>(
  db: SqlDb<DB>,
  owner: string,
  ttlMs: number,
  now: EpochMs,
): Promise<boolean> {
  checkLeaseArgs(owner, ttlMs, now);
  const taken = await onLease(db)
    .insertInto('sync_lease')
    .values({ id: 1, owner, acquired_at: now, expires_at: now + ttlMs })
    .onConflict((conflict) =>
      conflict
        .column('id')
        .doUpdateSet({
          owner: (eb) => eb.ref('excluded.owner'),
          // A holder extending a live lease keeps the time it first took it.
          acquired_at: sql`case when sync_lease.owner = excluded.owner and sync_lease.expires_at > ${now}
            then sync_lease.acquired_at else excluded.acquired_at end`,
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        })
        .where((eb) =>
          eb.or([
            eb('sync_lease.owner', '=', eb.ref('excluded.owner')),
            eb('sync_lease.expires_at', '<=', now),
          ]),
        ),
    )
    .returning('owner')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Extends a live lease held by `owner`; `false` and no change otherwise. */
export async function renewLease<DB extends SyncLeaseSchema>(
  db: SqlDb<DB>,
  owner: string,
  ttlMs: number,
  now: EpochMs,
): Promise<boolean> {
  checkLeaseArgs(owner, ttlMs, now);
  const renewed = await onLease(db)
    .updateTable('sync_lease')
    .set({ expires_at: now + ttlMs })
    .where('id', '=', 1)
    .where('owner', '=', owner)
    .where('expires_at', '>', now)
    .returning('owner')
    .executeTakeFirst();
  return renewed !== undefined;
}

/** Frees the lease when `owner` holds it. */
export async function releaseLease<DB extends SyncLeaseSchema>(
  db: SqlDb<DB>,
  owner: string,
): Promise<void> {
  await onLease(db)
    .deleteFrom('sync_lease')
    .where('id', '=', 1)
    .where('owner', '=', owner)
    .execute();
}
