import type { SearchChanges, TouchedSet } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import { type Num, toNumber } from '../db/numbers';
import type { TraceKeyColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** A stored trace whose new version names another session (either may be null). */
export interface TraceMove {
  id: string;
  from: string | null;
  to: string | null;
}

/** The tables observations follow their trace in: the columns the re-link reads and returns. */
export interface FollowerSchema {
  observations: {
    trace_id: string | null;
    session_id: string | null;
    eff_session_id: string | null;
    name: string | null;
    model: string | null;
    start_time: Num;
  };
  traces: TraceKeyColumns<Num>;
}

const onFollowers = sharedView<FollowerSchema>();

/**
 * Observations without a session of their own follow their trace to its new session (run after
 * the traces are written). Each one re-linked is touched, and both sessions of a move that
 * carried any are rebuilt in the search text; the old session is touched too.
 *
 * @returns the moves that carried observations, whose sessions' aggregates change
 */
export async function relinkFollowers<DB extends FollowerSchema>(
  db: SqlDb<DB>,
  moves: readonly TraceMove[],
  touched: TouchedSet,
  search: SearchChanges,
): Promise<TraceMove[]> {
  const carried: TraceMove[] = [];
  for (const slice of chunks(moves, 500)) {
    const relinked = await onFollowers(db)
      .updateTable('observations')
      .set((eb) => ({
        eff_session_id: eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', 'observations.trace_id'),
      }))
      .where(
        'trace_id',
        'in',
        slice.map((move) => move.id),
      )
      .where('session_id', 'is', null)
      .returning(['trace_id', 'name', 'model', 'start_time', 'eff_session_id'])
      .execute();
    const withObservations = new Set(relinked.map((row) => row.trace_id));
    for (const row of relinked) {
      touched.addObservation({
        effSessionId: row.eff_session_id,
        traceId: row.trace_id,
        name: row.name,
        model: row.model,
        startTime: toNumber(row.start_time),
      });
    }
    for (const move of slice) {
      if (!withObservations.has(move.id)) continue;
      touched.addSession(move.from);
      search.rebuild(move.from);
      search.rebuild(move.to);
      carried.push(move);
    }
  }
  return carried;
}
