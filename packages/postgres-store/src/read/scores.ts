import {
  compareIds,
  foldScoreParts,
  type ResolvedScoreDetailParams,
  type ScoreDetail,
  type ScoreSummary,
  scoreDetailOf,
  type TimeRange,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Num } from '../db/schema';
import type { Db } from '../db/types';
import { readScoreParts } from './score-parts';

/** Every score name in range, from the hourly rollups and the raw edges. */
export async function listScores(db: Db, range: TimeRange | undefined): Promise<ScoreSummary[]> {
  const byName = foldScoreParts(await readScoreParts(db, { range }), (part) => part.name);
  const names = [...byName.keys()].sort(compareIds);
  return names.flatMap((name) => byName.get(name)?.summary(name) ?? []);
}

/**
 * One score name in depth, assembled by core's `scoreDetailOf`: its rollups for the summary,
 * series and histogram; its scores in range (index on name and timestamp) for the series' open
 * bounds, the breakdowns by observation and the sessions' values.
 */
export async function getScore(
  db: Db,
  query: ResolvedScoreDetailParams,
): Promise<ScoreDetail | null> {
  const parts = await readScoreParts(db, { range: query.range, name: query.name });
  if (parts.parts.length === 0) return null;
  const bounds = await scoresInRange(db, query)
    .select([sql<Num | null>`min(timestamp)`.as('low'), sql<Num | null>`max(timestamp)`.as('high')])
    .executeTakeFirstOrThrow();
  const groups = await scoresInRange(db, query)
    .innerJoin('observations', 'observations.id', 'scores.observation_id')
    .select([
      'observations.name as agent',
      'observations.model as model',
      sql<Num>`count(*)`.as('n'),
      sql<Num>`count(scores.value)`.as('numbers'),
      sql<number>`coalesce(sum(scores.value), 0)`.as('total'),
    ])
    .groupBy(['observations.name', 'observations.model'])
    .execute();
  const values = await scoresInRange(db, query)
    .where('eff_session_id', 'is not', null)
    .where('value', 'is not', null)
    .select(['eff_session_id', 'value'])
    .orderBy('eff_session_id')
    .orderBy('timestamp')
    .orderBy('id')
    .execute();
  return scoreDetailOf(query, {
    parts,
    earliest: toNumberOrNull(bounds.low),
    latest: toNumberOrNull(bounds.high),
    groups: groups.map((group) => ({
      agent: group.agent,
      model: group.model,
      count: toNumber(group.n),
      valueCount: toNumber(group.numbers),
      valueSum: group.total,
    })),
    sessionValues: values.map((row) => ({
      sessionId: row.eff_session_id as string,
      value: row.value as number,
    })),
  });
}

/** The query's name's scores with a timestamp in its range. */
function scoresInRange(db: Db, { name, range }: ResolvedScoreDetailParams) {
  let scores = db.selectFrom('scores').where('scores.name', '=', name);
  if (range?.from !== undefined) scores = scores.where('scores.timestamp', '>=', range.from);
  if (range?.to !== undefined) scores = scores.where('scores.timestamp', '<', range.to);
  return scores;
}
