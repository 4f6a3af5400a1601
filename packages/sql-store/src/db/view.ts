import type { Kysely, Transaction } from 'kysely';

/** A store's handle on its own schema `DB`: the database, a connection or a transaction. */
export type SqlDb<DB> = Kysely<DB> | Transaction<DB>;

/**
 * A view of a store's handle through the shared tables `S`. Kysely handles of two schemas never
 * assign to each other, even when one has every table and column of the other; the view takes any
 * `SqlDb<DB>` whose `DB extends S` (so the store's tables are checked against the shared shapes at
 * the call) and queries it as `Kysely<S>`.
 *
 * @example
 * const onVersion = sharedView<DataVersionSchema>();
 * await onVersion(db).selectFrom('data_version').selectAll().execute();
 */
export function sharedView<S>(): <DB extends S>(db: SqlDb<DB>) => Kysely<S> {
  return (db) => db as unknown as Kysely<S>;
}
