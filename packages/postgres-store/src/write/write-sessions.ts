import type { SessionRecord } from '@cupid-dashboard/core';
import { replaceAllButKey } from '@cupid-dashboard/sql-store';
import { toNumber } from '../db/numbers';
import type { SessionTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchChanges } from './batch-changes';
import { sessionRow } from './rows';
import { chunks } from './versions';

/** A session record's columns, the key first. */
const SESSION_COLUMNS: readonly (keyof SessionTable)[] = ['id', 'created_at', 'record'];

/**
 * Session records: the last upsert wins (they have no `updatedAt`). A new one adds its creation
 * time to its session; one that replaces a stored record makes its session dirty.
 */
export async function writeSessions(
  db: Db,
  records: readonly SessionRecord[],
  changes: BatchChanges,
): Promise<number> {
  if (records.length === 0) return 0;
  const finals = new Map(records.map((record) => [record.id, record]));
  const stored = new Set<string>();
  for (const slice of chunks([...finals.keys()], 1000)) {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'created_at'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      stored.add(row.id);
      changes.touched.addTime(toNumber(row.created_at));
    }
  }
  for (const record of records) {
    changes.touched.addSession(record.id);
    changes.touched.addTime(record.createdAt);
  }
  for (const record of finals.values()) {
    if (stored.has(record.id)) {
      changes.dirtySession(record.id);
      continue;
    }
    changes.count('sessions', 1);
    const additions = changes.additionsTo(record.id);
    if (additions) additions.createdAt = record.createdAt;
  }
  for (const slice of chunks([...finals.values()], 2000)) {
    await db
      .insertInto('sessions')
      .values(slice.map(sessionRow))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet(replaceAllButKey(SESSION_COLUMNS)),
      )
      .execute();
  }
  return records.length;
}
