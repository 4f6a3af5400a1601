import { SCORE_FACT_COLUMNS } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { ScoreDeltas } from './score-deltas';

/**
 * The score part of a rebuild: every score's session linked again from its trace, the score
 * rollups added up from the records (the caller has emptied them) and the score counter set.
 * Runs in the caller's write transaction.
 */
export async function rebuildScores(db: Db): Promise<void> {
  await db
    .updateTable('scores')
    .set({
      eff_session_id: sql<
        string | null
      >`coalesce(session_id, (select t.session_id from traces t where t.id = scores.trace_id))`,
    })
    .execute();
  const deltas = new ScoreDeltas();
  let count = 0;
  for await (const row of db.selectFrom('scores').select(SCORE_FACT_COLUMNS).stream(2000)) {
    deltas.apply(row, 1);
    count++;
  }
  await deltas.write(db);
  await db.insertInto('counters').values({ name: 'scores', value: count }).execute();
}
