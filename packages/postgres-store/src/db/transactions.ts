import { type Kysely, sql, type Transaction } from 'kysely';
import type { StoreSchema } from './schema';

/**
 * Runs a read in one `REPEATABLE READ READ ONLY` transaction, so every statement of an answer sees
 * the same commit even while another instance writes.
 */
export function readTransaction<T>(
  db: Kysely<StoreSchema>,
  body: (trx: Transaction<StoreSchema>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(body);
}

/**
 * Runs a write in one transaction that first takes the store's write lock (a transaction-level
 * advisory lock keyed by schema): writers on every instance take turns, the way SQLite's
 * `BEGIN IMMEDIATE` makes them, so reading stored versions and writing deltas is one atomic step.
 * Readers are never blocked.
 */
export function writeTransaction<T>(
  db: Kysely<StoreSchema>,
  schema: string,
  body: (trx: Transaction<StoreSchema>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`cupid-dashboard:write:${schema}`}))`.execute(
      trx,
    );
    return body(trx);
  });
}
