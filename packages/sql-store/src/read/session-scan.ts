import type { SortOrder } from '@cupid-dashboard/core';
import type { Expression, ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';

/** Sort columns of `session_agg` that hold nulls (null sorts lowest: first ascending, last descending). */
export const NULLABLE_SORT_COLUMNS: ReadonlySet<string> = new Set(['user_id', 'chapter_reached']);

/**
 * The rows after a scan position whose sort value is null, in `ORDER BY column <order>, id ASC`
 * with nulls lowest: the null rows of later ids, and ascending every non-null row after them.
 *
 * @param column the sort column
 * @param laterId `id > cursor.id`
 */
export function afterNullPosition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: Expression<unknown>,
  order: SortOrder,
  laterId: Expression<SqlBool>,
): ExpressionWrapper<DB, TB, SqlBool> {
  const nullsAfter = eb.and([eb(column, 'is', null), laterId]);
  return order === 'asc' ? eb.or([nullsAfter, eb(column, 'is not', null)]) : nullsAfter;
}
