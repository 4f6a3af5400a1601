import type { SessionRecord } from '@cupid-dashboard/core';
import { replaceAllButKey } from '@cupid-dashboard/sql-store';
import { chunks } from '../chunks';
import type { SessionTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchState } from './batch-state';
import { sessionRow } from './rows';
import { readByIds } from './versions';

/** A session record's columns, the key first. */
const SESSION_COLUMNS: readonly (keyof SessionTable)[] = ['id', 'created_at', 'environment'];

/** Writes the batch's session records: the last upsert of an id wins (they carry no version). */
export async function upsertSessionRecords(
  db: Db,
  state: BatchState,
  sessions: readonly SessionRecord[],
): Promise<void> {
  if (sessions.length === 0) return;
  const finals = new Map(sessions.map((record) => [record.id, record]));
  const stored = await readByIds(finals.keys(), (slice) =>
    db.selectFrom('sessions').select(['id', 'created_at']).where('id', 'in', slice).execute(),
  );
  for (const record of sessions) {
    state.touched.addSession(record.id);
    state.touched.addTime(record.createdAt);
    const before = stored.get(record.id);
    if (before !== undefined) state.touched.addTime(before.created_at);
    state.written.sessions++;
  }
  for (const record of finals.values()) {
    if (!stored.has(record.id)) state.created.sessions++;
    state.index.addSession(record.id, record.createdAt);
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
}
