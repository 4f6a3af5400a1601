import type {
  ScoreDataType,
  ScoreSource,
  SessionScore,
  SessionScoreFilter,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { type Num, toNumber } from './numbers';
import type { ScoreTableColumns } from './tables';
import { type SqlDb, sharedView } from './view';

/** The score columns session scores are read and filtered by: all of a score's. */
export type SessionScoreTable = ScoreTableColumns<Num>;

/** The tables session scores are read from. */
export interface SessionScoreSchema {
  scores: SessionScoreTable;
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
 * `where('id', 'in', …)`: any score of the name, one with the value, or a mean of the numbers
 * (`sum / count` per session) within the bounds.
 */
export function sessionsWithScore<DB extends SessionScoreSchema>(
  db: SqlDb<DB>,
  filter: SessionScoreFilter,
) {
  const named = onScores(db)
    .selectFrom('scores')
    .select('eff_session_id')
    .where('name', '=', filter.name)
    .where('eff_session_id', 'is not', null);
  if (filter.value !== undefined) return named.where('string_value', '=', filter.value);
  if (filter.min === undefined && filter.max === undefined) return named;
  const mean = sql<number>`sum(value) / count(value)`;
  let grouped = named.where('value', 'is not', null).groupBy('eff_session_id');
  if (filter.min !== undefined) grouped = grouped.having(mean, '>=', filter.min);
  if (filter.max !== undefined) grouped = grouped.having(mean, '<=', filter.max);
  return grouped;
}
