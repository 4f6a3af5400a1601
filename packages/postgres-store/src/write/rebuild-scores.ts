import {
  linkAllToSessions,
  linkScoresToObservations,
  refreshScoreSessions,
} from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { SCORE_TABLES, shiftScoreRollups } from '../rollups/score-rollups';

/**
 * The score part of a rebuild, in the caller's transaction: every score's session linked again
 * from its trace and its agent and model from its observation, the score rollups added up from
 * the records, and the score counter set (after the other counters' recount, which empties the
 * table).
 */
export async function rebuildScores(db: Db): Promise<void> {
  for (const table of SCORE_TABLES) await db.deleteFrom(table).execute();
  await linkAllToSessions(db, 'scores');
  await linkScoresToObservations(db, 'all');
  await shiftScoreRollups(db, 'all', 1);
  await refreshScoreSessions(db, 'all');
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
