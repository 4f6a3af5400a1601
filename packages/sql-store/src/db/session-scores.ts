import type {
  ScoreDataType,
  ScoreSource,
  SessionScore,
  SessionScoreFilter,
} from '@cupid-dashboard/core';
import { type Num, toNumber } from './numbers';
import type { ScoreSessionColumns, ScoreTableColumns } from './tables';
import { type SqlDb, sharedView } from './view';

/** The score columns session scores are read and filtered by: all of a score's. */
export type SessionScoreTable = ScoreTableColumns<Num>;

/** The tables session scores are read from. */
export interface SessionScoreSchema {
  scores: SessionScoreTable;
  score_session: ScoreSessionColumns<Num>;
}

const onScores = sharedView<SessionScoreSchema>();

/**
 * The scores linked to some sessions, through the index on the effective session, a few hundred
 * ids per `IN` list (under SQLite's parameter limit); core sorts them.
 */
export async function readSessionScores<DB extends SessionScoreSchema>(
  db: SqlDb<DB>,
  sessionIds: readonly string[],
): Promise<SessionScore[]> {
  const scores: SessionScore[] = [];
  for (let start = 0; start < sessionIds.length; start += 500) {
    const rows = await onScores(db)
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
      .where('eff_session_id', 'in', sessionIds.slice(start, start + 500))
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
        timestamp: toNumber(row.timestamp),
        comment: row.comment,
      });
    }
  }
  return scores;
}

/**
 * The ids of the sessions core's `passesSessionScoreFilter` keeps, as a subquery for
 * `where('id', 'in', …)`: one with the value (index on name and string value), else any score
 * of the name or a mean of its numbers within the bounds (`score_session`, index on name and
 * mean).
 */
export function sessionsWithScore<DB extends SessionScoreSchema>(
  db: SqlDb<DB>,
  filter: SessionScoreFilter,
) {
  if (filter.value !== undefined) {
    return onScores(db)
      .selectFrom('scores')
      .select('eff_session_id as session_id')
      .where('name', '=', filter.name)
      .where('string_value', '=', filter.value)
      .where('eff_session_id', 'is not', null);
  }
  let sessions = onScores(db)
    .selectFrom('score_session')
    .select('session_id')
    .where('name', '=', filter.name);
  if (filter.min !== undefined) sessions = sessions.where('mean', '>=', filter.min);
  if (filter.max !== undefined) sessions = sessions.where('mean', '<=', filter.max);
  return sessions;
}
