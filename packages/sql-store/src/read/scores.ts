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
import { type LowestSessionSchema, lowestSessionSelect } from './lowest-sessions';
import { type PartReader, readPart, readPartsInTurn } from './read-parts';
import type { SqlQueries } from './reads';
import { type ScoreGroupSchema, scoreGroupSelects } from './score-groups';
import {
  type ScoreBinsPart,
  type ScorePartSchema,
  scorePartSelects,
  scorePartsOf,
} from './score-parts';

/** The tables the score reads use: the scores and their rollups. */
export interface ScoreReadSchema extends ScorePartSchema, ScoreGroupSchema, LowestSessionSchema {}

const onScores = sharedView<ScoreReadSchema>();

/**
 * The score queries of a SQL store, `listScores` and `getScore`, given how it selects the sketch
 * counts of its hourly rollups and how it reads an answer's parts (one statement after another
 * by default; PostgreSQL reads them all in one).
 *
 * @example
 * const { listScores, getScore } = scoreReads<StoreSchema>(scoreBinsPart, readPartsAsJson);
 */
export function scoreReads<DB extends ScoreReadSchema>(
  binsPart: ScoreBinsPart<DB>,
  readParts: PartReader<SqlDb<DB>> = readPartsInTurn,
): Pick<SqlQueries<SqlDb<DB>>, 'listScores' | 'getScore'> {
  return {
    listScores: (db, range) => listScores(db, range, binsPart, readParts),
    getScore: (db, query) => getScore(db, query, binsPart, readParts),
  };
}

/** Every score name in range, from the hourly rollups and the raw edges. */
async function listScores<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  range: TimeRange | undefined,
  binsPart: ScoreBinsPart<DB>,
  readParts: PartReader<SqlDb<DB>>,
): Promise<ScoreSummary[]> {
  const parts = scorePartsOf(await readParts(db, scorePartSelects(db, { range }, binsPart)));
  const byName = foldScoreParts(parts, (part) => part.name);
  const names = [...byName.keys()].sort(compareIds);
  return names.flatMap((name) => byName.get(name)?.summary(name) ?? []);
}

/**
 * One score name in depth, assembled by core's `scoreDetailOf` from parts read together (the
 * store's `PartReader`: in one statement on PostgreSQL): its rollups for the summary, series and
 * histogram; its first and last score in range (index on name and timestamp) for the series'
 * open bounds; the by-agent and by-model rollups for the breakdowns; the candidates' numbers for
 * the lowest sessions. A name without scores in range reads a few empty index ranges beside.
 */
async function getScore<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  query: ResolvedScoreDetailParams,
  binsPart: ScoreBinsPart<DB>,
  readParts: PartReader<SqlDb<DB>>,
): Promise<ScoreDetail | null> {
  const read = await readParts(db, {
    ...scorePartSelects(db, { range: query.range, name: query.name, byHour: true }, binsPart),
    bounds: timeBounds(db, query),
    ...scoreGroupSelects(db, query),
    sessionValues: lowestSessionSelect(db, query),
  });
  const parts = scorePartsOf(read);
  if (parts.parts.length === 0) return null;
  return scoreDetailOf(query, {
    parts,
    ...read.bounds,
    groups: [...read.groupHours, ...read.groupRaw],
    sessionValues: read.sessionValues,
  });
}

/**
 * The times of the first and last score of the name in range, in one select: one step down the
 * index each (an ordered subquery with a limit), where `min` and `max` together would scan the
 * range.
 */
function timeBounds<DB extends ScoreReadSchema>(
  db: SqlDb<DB>,
  { name, range }: ResolvedScoreDetailParams,
) {
  const edge = (order: 'asc' | 'desc') => {
    let scores = onScores(db).selectFrom('scores').where('scores.name', '=', name);
    if (range?.from !== undefined) scores = scores.where('scores.timestamp', '>=', range.from);
    if (range?.to !== undefined) scores = scores.where('scores.timestamp', '<', range.to);
    return scores.select('timestamp').orderBy('timestamp', order).limit(1);
  };
  return readPart(
    onScores(db).selectNoFrom([edge('asc').as('earliest'), edge('desc').as('latest')]),
    (rows): { earliest: number | null; latest: number | null } => ({
      earliest: toNumberOrNull(rows[0]?.earliest ?? null),
      latest: toNumberOrNull(rows[0]?.latest ?? null),
    }),
  );
}
