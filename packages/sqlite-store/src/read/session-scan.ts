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
import { planSearch } from './session-search';
import { type FilteredSessions, filterSessions, selectSorted } from './sessions';

type Eb = ExpressionBuilder<StoreSchema, 'session_agg'>;

/**
 * The rows strictly after `after` in the order `ORDER BY column <order>, id ASC`, where null sorts
 * below every value (SQLite's own rule, so ascending puts nulls first and descending last).
 * Written as `column >= v AND (column > v OR id > after.id)` so the bound on the column is a range.
 */
function afterPosition(filtered: FilteredSessions, after: SessionCursor) {
  const column = sql.ref(filtered.sortColumn);
  // Only nullable sort columns get `is null`: for the others the predicate stays a plain range
  // SQLite can seek the sort column's index with.
  const nullable = NULLABLE_SORT_COLUMNS.has(filtered.sortColumn);
  return (eb: Eb): ExpressionWrapper<StoreSchema, 'session_agg', SqlBool> => {
    const laterId = eb('id', '>', after.id);
    if (after.value === null) return afterNullPosition(eb, column, filtered.order, laterId);
    const asc = filtered.order === 'asc';
    const seek = eb.and([
      eb(column, asc ? '>=' : '<=', after.value),
      eb.or([eb(column, asc ? '>' : '<', after.value), laterId]),
    ]);
    return !asc && nullable ? eb.or([seek, eb(column, 'is', null)]) : seek;
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
  const search = query.search === undefined ? null : await planSearch(db, query.search);
  const filtered = filterSessions(db, query, preset, search);
  let sorted = selectSorted(filtered);
  if (after !== undefined) sorted = sorted.where(afterPosition(filtered, after));
  const rows = await sorted.limit(limit + 1).execute();
  return sessionBatchOf(
    rows.map((row) => toSessionRow(row, preset)),
    limit,
    filtered.sortKey,
  );
}
