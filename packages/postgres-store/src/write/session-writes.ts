import { sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { AgentFirstTable, SessionAggTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BucketDeltas } from '../rollups/bucket-rollups';
import { chunks } from './versions';

/** What to write for a slice of sessions. */
export interface SessionWrites {
  rows: SessionAggTable[];
  /** First calls replacing all of a recomputed session's. */
  firsts: AgentFirstTable[];
  /** First calls of sessions continued with additions: kept where earlier than the stored ones. */
  earlierFirsts: AgentFirstTable[];
  recomputed: string[];
  gone: string[];
}

/**
 * Writes session rows and first calls, and moves the first-call rollups (when given: a rebuild
 * fills them afterwards) from the first calls replaced to the ones written.
 */
export async function writeSessionRows(
  db: Db,
  writes: SessionWrites,
  rollups: BucketDeltas | null,
): Promise<void> {
  const replaced = [...writes.recomputed, ...writes.gone];
  if (replaced.length > 0) {
    const removed = await db
      .deleteFrom('agent_first')
      .where('session_id', 'in', replaced)
      .returning(['agent', 'first_start'])
      .execute();
    for (const row of removed) shiftFirst(rollups, row, -1);
  }
  if (writes.gone.length > 0) {
    await db.deleteFrom('session_agg').where('id', 'in', writes.gone).execute();
  }
  await upsertSessionRows(db, writes.rows);
  for (const part of chunks(writes.firsts, 5000)) {
    await db.insertInto('agent_first').values(part).execute();
    for (const row of part) shiftFirst(rollups, row, 1);
  }
  await writeEarlierFirsts(db, writes.earlierFirsts, rollups);
}

function shiftFirst(
  rollups: BucketDeltas | null,
  row: Pick<AgentFirstTable, 'agent' | 'first_start'>,
  sign: 1 | -1,
): void {
  rollups?.shift(toNumber(row.first_start), { sessions: 1 }, sign, row.agent);
}

async function upsertSessionRows(db: Db, rows: readonly SessionAggTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('session_agg')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet((eb) => {
        const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'id');
        return Object.fromEntries(
          columns.map((column) => [column, eb.ref(`excluded.${column as keyof SessionAggTable}`)]),
        );
      }),
    )
    .execute();
}

/** First calls that stand unless the stored one of the agent in the session is earlier. */
async function writeEarlierFirsts(
  db: Db,
  firsts: readonly AgentFirstTable[],
  rollups: BucketDeltas | null,
): Promise<void> {
  for (const part of chunks(firsts, 5000)) {
    const sessions = [...new Set(part.map((row) => row.session_id))];
    const stored = new Map(
      (
        await db.selectFrom('agent_first').selectAll().where('session_id', 'in', sessions).execute()
      ).map((row) => [`${row.agent}\0${row.session_id}`, row]),
    );
    const earlier = part.filter((row) => {
      const before = stored.get(`${row.agent}\0${row.session_id}`);
      if (before && toNumber(before.first_start) <= toNumber(row.first_start)) return false;
      if (before) shiftFirst(rollups, before, -1);
      shiftFirst(rollups, row, 1);
      return true;
    });
    if (earlier.length === 0) continue;
    await db
      .insertInto('agent_first')
      .values(earlier)
      .onConflict((conflict) =>
        conflict.columns(['agent', 'session_id']).doUpdateSet({
          first_start: sql`least(${sql.ref('agent_first.first_start')}, excluded.first_start)`,
        }),
      )
      .execute();
  }
}
