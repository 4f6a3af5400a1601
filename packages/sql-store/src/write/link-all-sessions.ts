import type { Num } from '../db/numbers';
import type { TraceKeyColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** A table of rows linked to a session directly or through their trace. */
interface LinkedRows {
  trace_id: string | null;
  session_id: string | null;
  eff_session_id: string | null;
}

/** The tables whose rows follow their trace to its session: observations and scores. */
export interface SessionLinkSchema {
  observations: LinkedRows;
  scores: LinkedRows;
  traces: TraceKeyColumns<Num>;
}

const onLinks = sharedView<SessionLinkSchema>();

/**
 * Links every row of a table to its effective session again (a rebuild): its own session, else
 * its trace's as stored now.
 */
export async function linkAllToSessions<DB extends SessionLinkSchema>(
  db: SqlDb<DB>,
  table: keyof Omit<SessionLinkSchema, 'traces'>,
): Promise<void> {
  await onLinks(db)
    .updateTable(table as 'scores')
    .set((eb) => ({
      eff_session_id: eb.fn.coalesce(
        eb.ref('session_id'),
        eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', eb.ref(`${table as 'scores'}.trace_id`)),
      ),
    }))
    .execute();
}
