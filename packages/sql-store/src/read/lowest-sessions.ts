import type { ResolvedScoreDetailParams } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Num } from '../db/numbers';
import type { ScoreSessionColumns, ScoreTableColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';
import { readPart } from './read-parts';

/** The tables the lowest-scoring sessions are read from. */
export interface LowestSessionSchema {
  scores: ScoreTableColumns<Num>;
  score_session: ScoreSessionColumns<Num>;
}

type Query = Pick<ResolvedScoreDetailParams, 'name' | 'range' | 'lowestSessionsLimit'>;

const onScores = sharedView<LowestSessionSchema>();

/**
 * The numbers of the sessions that can be among a score name's lowest in a range, for core to
 * rank (by session, then timestamp, then id, the order core adds them in), as one part not yet
 * read: the candidates are a subquery of the same select, so they cost no statement of their own.
 * The candidates:
 * - sessions whose scores of the name all lie inside the range, lowest `score_session` mean
 *   first: their mean in the range is that mean, so the `limit` lowest (and those within
 *   rounding of the last) are the only candidates among them;
 * - sessions a bound of the range cuts (scores on both sides of it), found by the first score's
 *   time within the name's longest span before the bound: their mean in the range is their own.
 */
export function lowestSessionSelect<DB extends LowestSessionSchema>(db: SqlDb<DB>, query: Query) {
  const candidates = [...wholeSessions(db, query), ...cutSessions(db, query)];
  // Each candidate select is a derived table: a compound select's own members may not carry an
  // order or a limit (SQLite), and the union drops the sessions both find.
  const ids = candidates
    .map((select, index) =>
      onScores(db)
        .selectFrom(select.as(`c${index}`))
        .select('session_id'),
    )
    .reduce((all, next) => all.union(next));
  let rows = onScores(db)
    .selectFrom('scores')
    .select(['eff_session_id', 'value'])
    .where('eff_session_id', 'in', ids)
    .where('name', '=', query.name)
    .where('value', 'is not', null);
  // `+ 0` keeps the planner off the (name, timestamp) index, which would scan the name's whole
  // range; the few sessions' rows come from the index on session and name.
  const time = sql<number>`${sql.ref('timestamp')} + 0`;
  if (query.range?.from !== undefined) rows = rows.where(time, '>=', query.range.from);
  if (query.range?.to !== undefined) rows = rows.where(time, '<', query.range.to);
  return readPart(
    rows.orderBy('eff_session_id').orderBy('timestamp').orderBy('id'),
    (ordered): Array<{ sessionId: string; value: number }> =>
      ordered.map((row) => ({
        sessionId: row.eff_session_id as string,
        value: row.value as number,
      })),
  );
}

/**
 * The sessions wholly inside the range with the lowest means (index on name, mean, times), and
 * those within rounding of the last of them: SQL's sum and core's may round apart, so the
 * sessions up to `1e-9` (relative) above the `limit`-th mean are taken too, up to as many again
 * (an exact tie is broken by id in both orders, so a long run of equal means, as a 0/1 score has,
 * needs no more). With fewer than `limit` sessions the threshold is null and the second select
 * finds none.
 */
function wholeSessions<DB extends LowestSessionSchema>(
  db: SqlDb<DB>,
  { name, range, lowestSessionsLimit }: Query,
) {
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
  const lowest = inside.orderBy('mean').orderBy('session_id');
  const last = onScores(db)
    .selectFrom(
      lowest
        .limit(1)
        .offset(lowestSessionsLimit - 1)
        .as('last'),
    )
    // `case`, not `greatest` (PostgreSQL) or `max` (SQLite): both stores read it.
    .select(
      sql<number>`mean + ${1e-9} * (case when abs(mean) > 1 then abs(mean) else 1 end)`.as('near'),
    );
  return [
    lowest.limit(lowestSessionsLimit),
    lowest.where('mean', '<=', last).limit(2 * lowestSessionsLimit),
  ];
}

/**
 * The sessions with scores of the name on both sides of a bound of the range: their first score
 * less than the name's longest span before the bound (index on name and first score), their last
 * at or after it. None without a bound.
 */
function cutSessions<DB extends LowestSessionSchema>(db: SqlDb<DB>, { name, range }: Query) {
  const bounds = [range?.from, range?.to].filter((bound) => bound !== undefined);
  if (bounds.length === 0) return [];
  const longest = onScores(db)
    .selectFrom('score_session')
    .select(sql<Num>`max(span)`.as('span'))
    .where('name', '=', name);
  const cut = onScores(db)
    .selectFrom('score_session')
    .select(['session_id', 'mean'])
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
    );
  return [cut];
}
