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
import type { Db } from '../db/types';
import { readScoreParts } from './score-parts';

/** Every score name in range, from the hourly rollups and the raw edges. */
export async function listScores(db: Db, range: TimeRange | undefined): Promise<ScoreSummary[]> {
  const byName = foldScoreParts(await readScoreParts(db, { range }), (part) => part.name);
  return [...byName.keys()]
    .sort(compareIds)
    .flatMap((name) => byName.get(name)?.summary(name) ?? []);
}

/**
 * One score name in depth (assembled by core's `scoreDetailOf`): summary, series and histogram
 * from the rollups; the breakdowns and the lowest sessions from the raw scores of the name in
 * range (index on name and timestamp).
 */
export async function getScore(
  db: Db,
  query: ResolvedScoreDetailParams,
): Promise<ScoreDetail | null> {
  const { name, range } = query;
  const parts = await readScoreParts(db, { range, name });
  if (parts.parts.length === 0) return null;
  return scoreDetailOf(query, {
    parts,
    ...(await timeBounds(db, name, range)),
    groups: await observationGroups(db, name, range),
    sessionValues: await sessionValues(db, name, range),
  });
}

/** The scores of a name in range, as a query to add columns and conditions to. */
function scoresOf(db: Db, name: string, range: TimeRange | undefined) {
  let query = db.selectFrom('scores').where('scores.name', '=', name);
  if (range?.from !== undefined) query = query.where('scores.timestamp', '>=', range.from);
  if (range?.to !== undefined) query = query.where('scores.timestamp', '<', range.to);
  return query;
}

async function timeBounds(db: Db, name: string, range: TimeRange | undefined) {
  const row = await scoresOf(db, name, range)
    .select([
      sql<number | null>`min(timestamp)`.as('earliest'),
      sql<number | null>`max(timestamp)`.as('latest'),
    ])
    .executeTakeFirst();
  return { earliest: row?.earliest ?? null, latest: row?.latest ?? null };
}

async function observationGroups(db: Db, name: string, range: TimeRange | undefined) {
  const rows = await scoresOf(db, name, range)
    .innerJoin('observations as o', 'o.id', 'scores.observation_id')
    .select([
      'o.name as agent',
      'o.model as model',
      sql<number>`count(*)`.as('count'),
      sql<number>`count(scores.value)`.as('value_count'),
      sql<number>`coalesce(sum(scores.value), 0)`.as('value_sum'),
    ])
    .groupBy(['o.name', 'o.model'])
    .execute();
  return rows.map((row) => ({
    agent: row.agent,
    model: row.model,
    count: Number(row.count),
    valueCount: Number(row.value_count),
    valueSum: Number(row.value_sum),
  }));
}

async function sessionValues(db: Db, name: string, range: TimeRange | undefined) {
  const rows = await scoresOf(db, name, range)
    .select(['eff_session_id', 'value'])
    .where('eff_session_id', 'is not', null)
    .where('value', 'is not', null)
    .orderBy('eff_session_id')
    .orderBy('timestamp')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    sessionId: row.eff_session_id as string,
    value: row.value as number,
  }));
}
