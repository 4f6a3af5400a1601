import {
  linkAllToSessions,
  linkScoresToObservations,
  refreshScoreSessions,
  SCORE_ROLLUP_COLUMNS,
} from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { ScoreDeltas } from './score-deltas';

/**
 * The score part of a rebuild: every score's session linked again from its trace and its agent
 * and model from its observation, the score rollups added up from the records (the caller has
 * emptied them) and the score counter set.
 * Runs in the caller's write transaction.
 */
export async function rebuildScores(db: Db): Promise<void> {
  await linkAllToSessions(db, 'scores');
  await linkScoresToObservations(db, 'all');
  const deltas = new ScoreDeltas();
  let count = 0;
  for await (const row of db.selectFrom('scores').select(SCORE_ROLLUP_COLUMNS).stream(2000)) {
    deltas.apply(row, 1);
    count++;
  }
  await deltas.write(db);
  await refreshScoreSessions(db, 'all');
  await db.insertInto('counters').values({ name: 'scores', value: count }).execute();
}
