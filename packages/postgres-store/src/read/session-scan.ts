import {
  type DashboardPreset,
  type ResolvedSessionQuery,
  type SessionBatch,
  type SessionCursor,
  sessionBatchOf,
} from '@cupid-dashboard/core';
import { afterNullPosition, NULLABLE_SORT_COLUMNS, toSessionRow } from '@cupid-dashboard/sql-store';
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { type FilteredSessions, filterSessions, selectSorted } from './sessions';

type Eb = ExpressionBuilder<StoreSchema, 'session_agg'>;

/**
 * The rows strictly after `after` in the order `selectSorted` reads. Ascending is one row-value
 * comparison `(column, id) > (v, id)`, which the sort column's index seeks (rows with a null
 * column compare as null, and those came first); descending with ids ascending cannot be a row
 * value, so it is spelled out, nulls last.
 */
function afterPosition(filtered: FilteredSessions, after: SessionCursor) {
  const column = sql.ref(filtered.sortColumn);
  const asc = filtered.order === 'asc';
  return (eb: Eb): ExpressionWrapper<StoreSchema, 'session_agg', SqlBool> => {
    const laterId = eb('id', '>', after.id);
    if (after.value === null) return afterNullPosition(eb, column, filtered.order, laterId);
    if (asc) return eb(sql`(${column}, id)`, '>', sql`(${after.value}, ${after.id})`);
    const below = [eb(column, '<', after.value), eb.and([eb(column, '=', after.value), laterId])];
    const nullable = NULLABLE_SORT_COLUMNS.has(filtered.sortColumn);
    return eb.or(nullable ? [...below, eb(column, 'is', null)] : below);
  };
}

/**
 * One batch of a session scan: the list's filters and order, read from a position with an index
 * seek rather than an offset, one row more than asked to tell whether another batch follows.
 */
export async function scanSessions(
  db: Db,
  query: ResolvedSessionQuery,
  { limit, after }: { limit: number; after: SessionCursor | undefined },
  preset: DashboardPreset,
): Promise<SessionBatch> {
  const filtered = filterSessions(db, query, preset);
  let sorted = selectSorted(filtered);
  if (after !== undefined) sorted = sorted.where(afterPosition(filtered, after));
  const rows = await sorted.limit(limit + 1).execute();
  const read = rows.map((row) => toSessionRow(row, preset));
  return sessionBatchOf(read, limit, filtered.sortKey);
}
