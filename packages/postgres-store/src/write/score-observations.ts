import { linkScoresToObservations, scoresOffTheirObservation } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { shiftScoreGroups } from '../rollups/score-rollups';

/**
 * Moves the scores on some just-written observations to the agent and model each observation has
 * now (scores that came first, or a new version renamed it or changed its model), with their
 * by-agent and by-model rollups. Run after the observations are written.
 */
export async function followObservations(db: Db, observationIds: readonly string[]): Promise<void> {
  const ids = await scoresOffTheirObservation(db, observationIds);
  if (ids.length === 0) return;
  await shiftScoreGroups(db, ids, -1);
  await linkScoresToObservations(db, ids);
  await shiftScoreGroups(db, ids, 1);
}
