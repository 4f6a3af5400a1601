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

/** The tables a score's session link is worked out from. */
export interface ScoreLinkSchema {
  scores: ScoreTableColumns<Num>;
  traces: TraceKeyColumns<Num>;
}

const onScores = sharedView<ScoreLinkSchema>();

/**
 * Re-links the scores of some traces, when they have no session of their own, to each trace's
 * session as stored now: a score that arrived before its trace, or whose trace moved.
 */
export async function relinkScores<DB extends ScoreLinkSchema>(
  db: SqlDb<DB>,
  traceIds: Iterable<string>,
): Promise<void> {
  for (const slice of chunks([...new Set(traceIds)], 500)) {
    await onScores(db)
      .updateTable('scores')
      .set((eb) => ({
        eff_session_id: eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', 'scores.trace_id'),
      }))
      .where('trace_id', 'in', slice)
      .where('session_id', 'is', null)
      .execute();
  }
}
