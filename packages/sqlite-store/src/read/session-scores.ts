import type { ScoreDataType, ScoreSource, SessionScore } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import type { Db } from '../db/types';

/**
 * The scores linked to some sessions, through the index on the effective session (core sorts
 * them). A few hundred ids at a time, below SQLite's parameter limit.
 */
export async function listSessionScores(
  db: Db,
  sessionIds: readonly string[],
): Promise<SessionScore[]> {
  const scores: SessionScore[] = [];
  for (const slice of chunks([...sessionIds], 500)) {
    const rows = await db
      .selectFrom('scores')
      .select([
        'eff_session_id',
        'id',
        'name',
        'data_type',
        'value',
        'string_value',
        'source',
        'trace_id',
        'observation_id',
        'timestamp',
        'comment',
      ])
      .where('eff_session_id', 'in', slice)
      .execute();
    for (const row of rows) {
      scores.push({
        sessionId: row.eff_session_id as string,
        id: row.id,
        name: row.name,
        dataType: row.data_type as ScoreDataType,
        value: row.value,
        stringValue: row.string_value,
        source: row.source as ScoreSource,
        traceId: row.trace_id,
        observationId: row.observation_id,
        timestamp: row.timestamp,
        comment: row.comment,
      });
    }
  }
  return scores;
}
