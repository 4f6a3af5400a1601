import type { SessionScoreFilter } from '@cupid-dashboard/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { SessionQuery } from './session-rows';

/**
 * Restricts to the sessions core's `passesSessionScoreFilter` keeps, by the effective session
 * kept on each score: any score of the name, one with the value, or a mean within the bounds.
 */
export function whereScore(query: SessionQuery, filter: SessionScoreFilter): SessionQuery {
  return query.where('id', 'in', (eb: ExpressionBuilder<StoreSchema, 'session_agg'>) => {
    const named = eb
      .selectFrom('scores')
      .select('scores.eff_session_id')
      .where('scores.name', '=', filter.name)
      .where('scores.eff_session_id', 'is not', null);
    if (filter.value !== undefined) return named.where('scores.string_value', '=', filter.value);
    if (filter.min === undefined && filter.max === undefined) return named;
    const mean = sql<number>`sum(scores.value) / count(scores.value)`;
    let grouped = named.where('scores.value', 'is not', null).groupBy('scores.eff_session_id');
    if (filter.min !== undefined) grouped = grouped.having(mean, '>=', filter.min);
    if (filter.max !== undefined) grouped = grouped.having(mean, '<=', filter.max);
    return grouped;
  });
}
