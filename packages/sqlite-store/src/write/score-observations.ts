import {
  linkScoresToObservations,
  SCORE_ROLLUP_COLUMNS,
  scoresOffTheirObservation,
} from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { ScoreDeltas, type ScoreFactRow } from './score-deltas';
import { readByIds } from './versions';

/**
 * Moves the scores on some just-written observations to the agent and model each observation has
 * now (scores that came first, or a new version renamed it or changed its model), with their
 * by-agent and by-model rollups. Run after the observations are written.
 */
export async function followObservations(db: Db, observationIds: readonly string[]): Promise<void> {
  const ids = await scoresOffTheirObservation(db, observationIds);
  if (ids.length === 0) return;
  const deltas = new ScoreDeltas();
  for (const row of (await readRollupRows(db, ids)).values()) deltas.applyGroups(row, -1);
  await linkScoresToObservations(db, ids);
  for (const row of (await readRollupRows(db, ids)).values()) deltas.applyGroups(row, 1);
  await deltas.write(db);
}

function readRollupRows(db: Db, ids: readonly string[]): Promise<Map<string, ScoreFactRow>> {
  return readByIds(ids, (slice) =>
    db
      .selectFrom('scores')
      .select(['id', ...SCORE_ROLLUP_COLUMNS])
      .where('id', 'in', slice)
      .execute(),
  );
}
