import type { ScoreDataType, ScoreSource, SessionScore } from '@cupid-dashboard/core';
import { toNumber } from '../db/numbers';
import type { Db } from '../db/types';

/**
 * The scores linked to some sessions (at most a few hundred, one `IN` list), through the index on
 * the effective session; core sorts them.
 */
export async function listSessionScores(
  db: Db,
  sessionIds: readonly string[],
): Promise<SessionScore[]> {
  if (sessionIds.length === 0) return [];
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
    .where('eff_session_id', 'in', [...sessionIds])
    .execute();
  return rows.map((row) => ({
    sessionId: row.eff_session_id as string,
    id: row.id,
    name: row.name,
    dataType: row.data_type as ScoreDataType,
    value: row.value,
    stringValue: row.string_value,
    source: row.source as ScoreSource,
    traceId: row.trace_id,
    observationId: row.observation_id,
    timestamp: toNumber(row.timestamp),
    comment: row.comment,
  }));
}
