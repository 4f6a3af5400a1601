import type { DataVersion } from '@cupid-dashboard/core';
import type { Db } from './types';

/**
 * The data version as of the caller's transaction: the schema's id (made once, by its first
 * migration) and its write count. In a snapshot it names exactly the state the snapshot sees,
 * and every instance on the database reads the same one.
 */
export async function readDataVersion(db: Db): Promise<DataVersion> {
  const row = await db
    .selectFrom('data_version')
    .select(['database_id', 'value'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return `${row.database_id}:${row.value}`;
}

/** Counts one more committing write; call inside the write transaction it belongs to. */
export async function bumpDataVersion(db: Db): Promise<void> {
  await db
    .updateTable('data_version')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
