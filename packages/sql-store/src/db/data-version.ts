import type { DataVersion } from '@cupid-dashboard/core';
import type { Num } from './numbers';
import { type SqlDb, sharedView } from './view';

/**
 * The data version (one row, id 1): `database_id` tells this database from every other, `value`
 * counts the write transactions that may have changed an answer.
 */
export interface DataVersionTable {
  id: number;
  database_id: string;
  value: Num;
}

/** The tables the data version is read and counted in. */
export interface DataVersionSchema {
  data_version: DataVersionTable;
}

const onVersion = sharedView<DataVersionSchema>();

/**
 * The data version as of the caller's transaction: the database's id and its write count. In a
 * read transaction (or snapshot) it names exactly the state that transaction sees.
 */
export async function readDataVersion<DB extends DataVersionSchema>(
  db: SqlDb<DB>,
): Promise<DataVersion> {
  const row = await onVersion(db)
    .selectFrom('data_version')
    .select(['database_id', 'value'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return `${row.database_id}:${row.value}`;
}

/** Counts one more committing write; call inside the write transaction it belongs to. */
export async function bumpDataVersion<DB extends DataVersionSchema>(db: SqlDb<DB>): Promise<void> {
  await onVersion(db)
    .updateTable('data_version')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
