import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DataVersionSchema } from '../db/data-version';
import type { ColumnTypes } from './column-types';

/**
 * Creates the sync state's table (one row of JSON text, see `readSyncState`) and the sync lease's
 * (at most one row, see `acquireLease`).
 */
export async function createSyncTables(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sync_lease')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('acquired_at', types.time, (c) => c.notNull())
    .addColumn('expires_at', types.time, (c) => c.notNull())
    .execute();
}

/**
 * Creates the data version's table and its one row at 0. The random id keeps a new database's
 * versions from ever matching another's, even after the same writes.
 */
export async function createDataVersionTable(
  db: Kysely<unknown>,
  types: ColumnTypes,
): Promise<void> {
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('database_id', 'text', (c) => c.notNull())
    .addColumn('value', types.time, (c) => c.notNull())
    .execute();
  // Through the query builder, so a schema the migrator runs in (`withSchema`) applies to it too.
  await (db as unknown as Kysely<DataVersionSchema>)
    .insertInto('data_version')
    .values({ id: 1, database_id: randomUUID(), value: 0 })
    .execute();
}
