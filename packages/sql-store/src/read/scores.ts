import {
  compareIds,
  foldScoreParts,
  type ResolvedScoreDetailParams,
  type ScoreDetail,
  type ScoreSummary,
  scoreDetailOf,
  type TimeRange,
} from '@cupid-dashboard/core';
import { toNumberOrNull } from '../db/numbers';
import { type SqlDb, sharedView } from '../db/view';
import { type LowestSessionSchema, lowestSessionValues } from './lowest-sessions';
import type { SqlQueries } from './reads';
import { readScoreGroups, type ScoreGroupSchema } from './score-groups';
import { readScoreParts, type ScoreBinReader, type ScorePartSchema } from './score-parts';

/** The tables the score reads use: the scores and their rollups. */
export interface ScoreReadSchema extends ScorePartSchema, ScoreGroupSchema, LowestSessionSchema {}

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
 * series and histogram; its first and last score in range (index on name and timestamp) for the
 * series' open bounds; the by-agent and by-model rollups for the breakdowns; the candidates'
 * numbers for the lowest sessions.
 */
async function getScore<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
  readBins: ScoreBinReader<DB>,
): Promise<ScoreDetail | null> {
  const parts = await readScoreParts(
    db,
    { range: query.range, name: query.name, byHour: true },
    readBins,
  );
  if (parts.parts.length === 0) return null;
  return scoreDetailOf(query, {
    parts,
    ...(await timeBounds(db, query)),
    groups: await readScoreGroups(db, query),
    sessionValues: await lowestSessionValues(db, query),
  });
}

/**
 * The times of the first and last score of the name in range, in one statement: one step down
 * the index each (an ordered subquery with a limit), where `min` and `max` together would scan
 * the range.
 */
async function timeBounds<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  { name, range }: ResolvedScoreDetailParams,
): Promise<{ earliest: number | null; latest: number | null }> {
  const edge = (order: 'asc' | 'desc') => {
    let scores = onScores(db).selectFrom('scores').where('scores.name', '=', name);
    if (range?.from !== undefined) scores = scores.where('scores.timestamp', '>=', range.from);
    if (range?.to !== undefined) scores = scores.where('scores.timestamp', '<', range.to);
    return scores.select('timestamp').orderBy('timestamp', order).limit(1);
  };
  const bounds = await onScores(db)
    .selectNoFrom([edge('asc').as('earliest'), edge('desc').as('latest')])
    .executeTakeFirstOrThrow();
  return { earliest: toNumberOrNull(bounds.earliest), latest: toNumberOrNull(bounds.latest) };
}
