import {
  compareIds,
  type ResolvedScoreDetailParams,
  ScoreAccumulator,
  type ScoreBreakdown,
  type ScoreDetail,
  type ScoreSummary,
  type SessionScoreMean,
  seriesBucketStarts,
  type TimeRange,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { foldScoreParts } from './score-fold';
import { partBucket, readScoreParts } from './score-parts';

/** Every score name in range, from the hourly rollups and the raw edges. */
export async function listScores(db: Db, range: TimeRange | undefined): Promise<ScoreSummary[]> {
  const { parts, values } = await readScoreParts(db, { range });
  const byName = foldScoreParts(parts, values, (part) => part.name);
  return [...byName.keys()]
    .sort(compareIds)
    .flatMap((name) => byName.get(name)?.summary(name) ?? []);
}

/**
 * One score name in depth: summary, series and histogram from the rollups; the breakdowns and
 * the lowest sessions from the raw scores of the name in range (index on name and timestamp).
 */
export async function getScore(
  db: Db,
  params: ResolvedScoreDetailParams,
): Promise<ScoreDetail | null> {
  const { name, range, bucket, timeZone } = params;
  const { parts, values } = await readScoreParts(db, { range, name });
  const all = foldScoreParts(parts, values, () => name).get(name);
  const summary = all?.summary(name) ?? null;
  if (!all || !summary) return null;
  const byBucket = foldScoreParts(parts, values, (part) => partBucket(part, bucket, timeZone));
  const bounds = await timeBounds(db, name, range);
  const series = seriesBucketStarts(range, bounds.earliest, bounds.latest, bucket, timeZone).map(
    (start) => {
      const {
        count,
        mean,
        values: counts,
      } = (byBucket.get(start) ?? new ScoreAccumulator()).stats();
      return { bucketStart: start, count, mean, values: counts };
    },
  );
  const { byAgent, byModel } = await breakdowns(db, name, range);
  return {
    summary,
    series,
    histogram: all.histogram(),
    byAgent,
    byModel,
    lowestSessions: await lowestSessions(db, name, range, params.lowestSessionsLimit),
  };
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

async function breakdowns(
  db: Db,
  name: string,
  range: TimeRange | undefined,
): Promise<{ byAgent: ScoreBreakdown[]; byModel: ScoreBreakdown[] }> {
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
  const group = (keyOf: (row: (typeof rows)[number]) => string | null): ScoreBreakdown[] => {
    const totals = new Map<string, { count: number; valueCount: number; valueSum: number }>();
    for (const row of rows) {
      const key = keyOf(row);
      if (key === null) continue;
      const total = totals.get(key) ?? { count: 0, valueCount: 0, valueSum: 0 };
      total.count += Number(row.count);
      total.valueCount += Number(row.value_count);
      total.valueSum += Number(row.value_sum);
      totals.set(key, total);
    }
    return [...totals]
      .map(([key, t]) => ({
        key,
        count: t.count,
        mean: t.valueCount === 0 ? null : t.valueSum / t.valueCount,
      }))
      .sort((a, b) => b.count - a.count || compareIds(a.key, b.key));
  };
  return { byAgent: group((row) => row.agent), byModel: group((row) => row.model) };
}

/**
 * Sessions by mean score ascending. The means are summed in JS in core's order (timestamp, then
 * id) so ties between sessions break the same way in every store.
 */
async function lowestSessions(
  db: Db,
  name: string,
  range: TimeRange | undefined,
  limit: number,
): Promise<SessionScoreMean[]> {
  const rows = await scoresOf(db, name, range)
    .select(['eff_session_id', 'value'])
    .where('eff_session_id', 'is not', null)
    .where('value', 'is not', null)
    .orderBy('eff_session_id')
    .orderBy('timestamp')
    .orderBy('id')
    .execute();
  const sums = new Map<string, { count: number; sum: number }>();
  for (const row of rows) {
    const id = row.eff_session_id as string;
    const total = sums.get(id) ?? { count: 0, sum: 0 };
    total.count++;
    total.sum += row.value as number;
    sums.set(id, total);
  }
  return [...sums]
    .map(([sessionId, t]) => ({ sessionId, count: t.count, mean: t.sum / t.count }))
    .sort((a, b) => a.mean - b.mean || compareIds(a.sessionId, b.sessionId))
    .slice(0, limit);
}
