import {
  type DashboardPreset,
  type ResolvedSessionQuery,
  type SessionBatch,
  type SessionCursor,
  sessionCursorOf,
} from '@cupid-dashboard/core';
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { toSessionRow } from './session-rows';
import { type FilteredSessions, filterSessions, selectSorted } from './sessions';

type Eb = ExpressionBuilder<StoreSchema, 'session_agg'>;

/** Sort columns that hold nulls (sorted lowest: first ascending, last descending). */
const NULLABLE: ReadonlySet<string> = new Set(['user_id', 'chapter_reached']);

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
    const isNull = eb(column, 'is', null);
    if (after.value === null) {
      const nullsAfter = eb.and([isNull, laterId]);
      return asc ? eb.or([nullsAfter, eb(column, 'is not', null)]) : nullsAfter;
    }
    if (asc) return eb(sql`(${column}, id)`, '>', sql`(${after.value}, ${after.id})`);
    const below = [eb(column, '<', after.value), eb.and([eb(column, '=', after.value), laterId])];
    return eb.or(NULLABLE.has(filtered.sortColumn) ? [...below, isNull] : below);
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
  const items = rows.slice(0, limit).map((row) => toSessionRow(row, preset));
  const last = items.at(-1);
  return {
    items,
    next: rows.length > limit && last ? sessionCursorOf(last, filtered.sortKey) : null,
  };
}
