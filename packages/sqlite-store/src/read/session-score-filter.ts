import type { SessionScoreFilter } from '@cupid-dashboard/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { SessionQuery } from './sessions';

/**
 * Restricts to the sessions core's `passesSessionScoreFilter` keeps: a score of the name linked
 * to the session (by the effective session kept on each score), with a value, or a mean of the
 * numbers within the bounds (`sum / count` per session).
 */
export function whereScore(query: SessionQuery, filter: SessionScoreFilter): SessionQuery {
  return query.where('id', 'in', (eb: ExpressionBuilder<StoreSchema, 'session_agg'>) => {
    const scores = eb
      .selectFrom('scores')
      .select('scores.eff_session_id')
      .where('scores.name', '=', filter.name)
      .where('scores.eff_session_id', 'is not', null);
    if (filter.value !== undefined) return scores.where('scores.string_value', '=', filter.value);
    if (filter.min === undefined && filter.max === undefined) return scores;
    const mean = sql<number>`sum(scores.value) / count(scores.value)`;
    let grouped = scores.where('scores.value', 'is not', null).groupBy('scores.eff_session_id');
    if (filter.min !== undefined) grouped = grouped.having(mean, '>=', filter.min);
    if (filter.max !== undefined) grouped = grouped.having(mean, '<=', filter.max);
    return grouped;
  });
}
