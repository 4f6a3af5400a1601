import type { ResolvedScoreDetailParams } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import type { Num } from '../db/numbers';
import type { ScoreSessionColumns, ScoreTableColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** The tables the lowest-scoring sessions are read from. */
export interface LowestSessionSchema {
  scores: ScoreTableColumns<Num>;
  score_session: ScoreSessionColumns<Num>;
}

type Query = Pick<ResolvedScoreDetailParams, 'name' | 'range' | 'lowestSessionsLimit'>;

const onScores = sharedView<LowestSessionSchema>();

/**
 * The numbers of the sessions that can be among a score name's lowest in a range, for core to
 * rank (by session, then timestamp, then id, the order core adds them in):
 * - sessions whose scores of the name all lie inside the range, lowest `score_session` mean
 *   first: their mean in the range is that mean, so the `limit` lowest (and those within
 *   rounding of the last) are the only candidates among them;
 * - sessions a bound of the range cuts (scores on both sides of it), found by the first score's
 *   time within the name's longest span before the bound: their mean in the range is their own.
 */
export async function lowestSessionValues<DB extends LowestSessionSchema>(
  db: SqlDb<DB>,
  query: Query,
): Promise<Array<{ sessionId: string; value: number }>> {
  const candidates = [...(await wholeSessions(db, query)), ...(await cutSessions(db, query))];
  const values: Array<{ sessionId: string; value: number }> = [];
  for (const slice of chunks([...new Set(candidates)].sort(), 500)) {
    let rows = onScores(db)
      .selectFrom('scores')
      .select(['eff_session_id', 'value'])
      .where('eff_session_id', 'in', slice)
      .where('name', '=', query.name)
      .where('value', 'is not', null);
    // `+ 0` keeps the planner off the (name, timestamp) index, which would scan the name's whole
    // range; the few sessions' rows come from the index on session and name.
    const time = sql<number>`${sql.ref('timestamp')} + 0`;
    if (query.range?.from !== undefined) rows = rows.where(time, '>=', query.range.from);
    if (query.range?.to !== undefined) rows = rows.where(time, '<', query.range.to);
    const ordered = await rows
      .orderBy('eff_session_id')
      .orderBy('timestamp')
      .orderBy('id')
      .execute();
    for (const row of ordered) {
      values.push({ sessionId: row.eff_session_id as string, value: row.value as number });
    }
  }
  return values;
}

/** The sessions wholly inside the range with the lowest means (index on name, mean, times). */
async function wholeSessions<DB extends LowestSessionSchema>(
  db: SqlDb<DB>,
  { name, range, lowestSessionsLimit }: Query,
): Promise<string[]> {
  let inside = onScores(db)
    .selectFrom('score_session')
    .select(['session_id', 'mean'])
    .where('name', '=', name)
    .where('mean', 'is not', null);
  // `+ 0`: read in mean order from the index on (name, mean, first_at, last_at), not from the
  // one on first_at, which would sort every session after the range's start.
  if (range?.from !== undefined) {
    inside = inside.where(sql<number>`${sql.ref('first_at')} + 0`, '>=', range.from);
  }
  if (range?.to !== undefined) inside = inside.where('last_at', '<', range.to);
  const lowest = await inside
    .orderBy('mean')
    .orderBy('session_id')
    .limit(lowestSessionsLimit)
    .execute();
  const last = lowest.at(-1)?.mean;
  if (lowest.length < lowestSessionsLimit || last === undefined || last === null) {
    return lowest.map((row) => row.session_id);
  }
  // SQL's sum and core's may round apart: take the sessions within that of the last, up to as
  // many again (an exact tie is broken by id in both orders, so a long run of equal means, as
  // a 0/1 score has, needs no more).
  const near = await inside
    .where('mean', '<=', last + 1e-9 * Math.max(1, Math.abs(last)))
    .orderBy('mean')
    .orderBy('session_id')
    .limit(2 * lowestSessionsLimit)
    .execute();
  return near.map((row) => row.session_id);
}

/**
 * The sessions with scores of the name on both sides of a bound of the range, in one statement:
 * their first score less than the name's longest span before the bound (index on name and
 * first score), their last at or after it.
 */
async function cutSessions<DB extends LowestSessionSchema>(
  db: SqlDb<DB>,
  { name, range }: Query,
): Promise<string[]> {
  const bounds = [range?.from, range?.to].filter((bound) => bound !== undefined);
  if (bounds.length === 0) return [];
  const longest = onScores(db)
    .selectFrom('score_session')
    .select(sql<Num>`max(span)`.as('span'))
    .where('name', '=', name);
  const rows = await onScores(db)
    .selectFrom('score_session')
    .select('session_id')
    .where('name', '=', name)
    .where('mean', 'is not', null)
    .where((eb) =>
      eb.or(
        bounds.map((bound) =>
          eb.and([
            eb('first_at', '<', bound),
            eb('first_at', '>=', sql<number>`${bound} - (${longest})`),
            eb('last_at', '>=', bound),
          ]),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.session_id);
}
