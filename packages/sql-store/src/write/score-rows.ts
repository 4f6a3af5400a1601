import type { ScoreColumns } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import type { Num } from '../db/numbers';
import type { ScoreTableColumns, TraceKeyColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** The score columns its rollups are worked out from: where it counts, and what. */
export const SCORE_FACT_COLUMNS = [
  'name',
  'data_type',
  'source',
  'value',
  'string_value',
  'timestamp',
] as const satisfies readonly (keyof ScoreColumns)[];

/** The columns of core's `ScoreColumns`, in the order the score migrations create them. */
export const SCORE_COLUMNS = [
  'id',
  ...SCORE_FACT_COLUMNS,
  'trace_id',
  'observation_id',
  'session_id',
  'eff_session_id',
  'updated_at',
  'comment',
  'config_id',
  'environment',
] as const satisfies readonly (keyof ScoreColumns)[];

/** A stored score's columns: core's, then its observation's agent and model (kept current). */
export const STORED_SCORE_COLUMNS = [...SCORE_COLUMNS, 'agent', 'model'] as const;

/** What a stored score adds to its rollups: its facts and the agent and model it judges. */
export const SCORE_ROLLUP_COLUMNS = [...SCORE_FACT_COLUMNS, 'agent', 'model'] as const;

/** The tables a score's session link is worked out from. */
export interface ScoreLinkSchema {
  scores: ScoreTableColumns<Num>;
  traces: TraceKeyColumns<Num>;
}

const onScores = sharedView<ScoreLinkSchema>();

/**
 * Re-links the scores of some traces, when they have no session of their own, to each trace's
 * session as stored now: a score that arrived before its trace, or whose trace moved.
 *
 * @returns the sessions the re-linked scores left and joined (their score rollups change)
 */
export async function relinkScores<DB extends ScoreLinkSchema>(
  db: SqlDb<DB>,
  traceIds: Iterable<string>,
): Promise<Set<string | null>> {
  const sessions = new Set<string | null>();
  for (const slice of chunks([...new Set(traceIds)], 500)) {
    const following = onScores(db)
      .selectFrom('scores')
      .select('eff_session_id')
      .where('trace_id', 'in', slice)
      .where('session_id', 'is', null);
    for (const row of await following.execute()) sessions.add(row.eff_session_id);
    const relinked = await onScores(db)
      .updateTable('scores')
      .set((eb) => ({
        eff_session_id: eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', 'scores.trace_id'),
      }))
      .where('trace_id', 'in', slice)
      .where('session_id', 'is', null)
      .returning('eff_session_id')
      .execute();
    for (const row of relinked) sessions.add(row.eff_session_id);
  }
  return sessions;
}
