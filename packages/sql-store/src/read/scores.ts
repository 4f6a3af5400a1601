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
import { type Num, toNumber, toNumberOrNull } from '../db/numbers';
import { type SqlDb, sharedView } from '../db/view';
import type { SqlQueries } from './reads';
import { readScoreParts, type ScoreBinReader, type ScorePartSchema } from './score-parts';

/** The tables the score reads use: the score tables and what `getScore` groups by. */
export interface ScoreReadSchema extends ScorePartSchema {
  observations: { id: string; name: string | null; model: string | null };
}

const onScores = sharedView<ScoreReadSchema>();

/**
 * The score queries of a SQL store, `listScores` and `getScore`, given how it reads the sketch
 * counts of its hourly rollups.
 *
 * @example
 * const { listScores, getScore } = scoreReads<StoreSchema>(readScoreBins);
 */
export function scoreReads<DB extends ScoreReadSchema>(
  readBins: ScoreBinReader<DB>,
): Pick<SqlQueries<SqlDb<DB>>, 'listScores' | 'getScore'> {
  return {
    listScores: (db, range) => listScores(db, range, readBins),
    getScore: (db, query) => getScore(db, query, readBins),
  };
}

/** Every score name in range, from the hourly rollups and the raw edges. */
async function listScores<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  range: TimeRange | undefined,
  readBins: ScoreBinReader<DB>,
): Promise<ScoreSummary[]> {
  const parts = await readScoreParts(db, { range }, readBins);
  const byName = foldScoreParts(parts, (part) => part.name);
  const names = [...byName.keys()].sort(compareIds);
  return names.flatMap((name) => byName.get(name)?.summary(name) ?? []);
}

/**
 * One score name in depth, assembled by core's `scoreDetailOf`: its rollups for the summary,
 * series and histogram; its scores in range (index on name and timestamp) for the series' open
 * bounds, the breakdowns by observation and the sessions' values.
 */
async function getScore<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
  readBins: ScoreBinReader<DB>,
): Promise<ScoreDetail | null> {
  const parts = await readScoreParts(db, { range: query.range, name: query.name }, readBins);
  if (parts.parts.length === 0) return null;
  return scoreDetailOf(query, {
    parts,
    ...(await timeBounds(db, query)),
    groups: await observationGroups(db, query),
    sessionValues: await sessionValues(db, query),
  });
}

/** The query's name's scores with a timestamp in its range. */
function scoresInRange<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  { name, range }: ResolvedScoreDetailParams,
) {
  let scores = onScores(db).selectFrom('scores').where('scores.name', '=', name);
  if (range?.from !== undefined) scores = scores.where('scores.timestamp', '>=', range.from);
  if (range?.to !== undefined) scores = scores.where('scores.timestamp', '<', range.to);
  return scores;
}

async function timeBounds<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
) {
  const bounds = await scoresInRange(db, query)
    .select([sql<Num | null>`min(timestamp)`.as('low'), sql<Num | null>`max(timestamp)`.as('high')])
    .executeTakeFirstOrThrow();
  return { earliest: toNumberOrNull(bounds.low), latest: toNumberOrNull(bounds.high) };
}

async function observationGroups<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
) {
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
  return groups.map((group) => ({
    agent: group.agent,
    model: group.model,
    count: toNumber(group.n),
    valueCount: toNumber(group.numbers),
    valueSum: Number(group.total),
  }));
}

async function sessionValues<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
) {
  const rows = await scoresInRange(db, query)
    .where('eff_session_id', 'is not', null)
    .where('value', 'is not', null)
    .select(['eff_session_id', 'value'])
    .orderBy('eff_session_id')
    .orderBy('timestamp')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    sessionId: row.eff_session_id as string,
    value: row.value as number,
  }));
}
