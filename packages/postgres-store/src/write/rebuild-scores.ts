import { sql } from 'kysely';
import type { Db } from '../db/types';
import { SCORE_TABLES, shiftScoreRollups } from '../rollups/score-rollups';

/**
 * The score part of a rebuild, in the caller's transaction: every score's session linked again
 * from its trace, the score rollups added up from the records, and the score counter set (after
 * the other counters' recount, which empties the table).
 */
export async function rebuildScores(db: Db): Promise<void> {
  for (const table of SCORE_TABLES) await db.deleteFrom(table).execute();
  await db
    .updateTable('scores')
    .set((eb) => ({
      eff_session_id: eb.fn.coalesce(
        'scores.session_id',
        eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', 'scores.trace_id'),
      ),
    }))
    .execute();
  await shiftScoreRollups(db, 'all', 1);
  await db
    .insertInto('counters')
    .columns(['name', 'value'])
    .expression(
      db
        .selectFrom('scores')
        .select([sql.val('scores').as('name'), sql<string>`count(*)`.as('value')]),
    )
    .execute();
}
