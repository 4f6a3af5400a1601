import {
  type DashboardPreset,
  type EpochMs,
  normalizeSearchQuery,
  type Page,
  type ResolvedPage,
  type ResolvedSessionQuery,
  type SessionRow,
  totalPages,
} from '@cupid-dashboard/core';
import {
  type FilteredSessionQuery,
  readSessionRow,
  SESSION_ROW_COLUMNS,
  SESSION_SORT_COLUMNS,
  sessionsWithScore,
  toSessionRow,
  whereStarted,
} from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { readJsonArrays } from './json-arrays';
import { type SessionQuery, statusSql } from './session-rows';

/**
 * Restricts to sessions whose id, user or message text holds the query, literally. Three or more
 * characters are `LIKE` with `%`, `_` and `\` escaped, through the trigram indexes; one or two,
 * which trigrams cannot index, are looked up in each session's short grams (exact: a text holds
 * such a needle exactly when its grams do).
 */
function whereSearch(query: SessionQuery, search: string): SessionQuery {
  const needle = normalizeSearchQuery(search);
  if (needle === '') return query;
  // Overlap with a one-gram array is containment, and exact in the GIN index (no recheck).
  if ([...needle].length <= 2) return query.where(sql<boolean>`grams && array[${needle}::text]`);
  const pattern = `%${needle.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return query.where(sql<boolean>`(ident like ${pattern} or body like ${pattern})`);
}

/** A session query with the filters applied, and the sort it is read in. */
export type FilteredSessions = FilteredSessionQuery<SessionQuery>;

/** Applies a list's or scan's checked filters, and names the sort it is read in. */
export function filterSessions(
  db: Db,
  query: ResolvedSessionQuery,
  preset: DashboardPreset,
): FilteredSessions {
  const status = statusSql(preset, query.now);
  let filtered: SessionQuery = whereStarted(db.selectFrom('session_agg'), query.range);
  if (query.userId !== undefined) filtered = filtered.where('user_id', '=', query.userId);
  if (query.status !== 'all') filtered = filtered.where(status, '=', query.status);
  if (query.search !== undefined) filtered = whereSearch(filtered, query.search);
  // Scores link to sessions through their effective session, which both stores keep.
  if (query.score !== undefined) {
    filtered = filtered.where('id', 'in', sessionsWithScore(db, query.score));
  }
  return {
    query: filtered,
    status,
    sortKey: query.sort,
    sortColumn: SESSION_SORT_COLUMNS[query.sort],
    order: query.order,
  };
}

/** Selects the row columns in the filter's order: nulls lowest, ties by id ascending. */
export function selectSorted(filtered: FilteredSessions) {
  // Nulls sort below every value: first ascending, last descending (as in the other stores).
  const direction = filtered.order === 'asc' ? sql`asc nulls first` : sql`desc nulls last`;
  return filtered.query
    .select([...SESSION_ROW_COLUMNS, filtered.status.as('status')])
    .orderBy(sql`${sql.ref(filtered.sortColumn)} ${direction}`)
    .orderBy('id', 'asc');
}

/**
 * The session list: filters, sort (ties by id ascending, nulls lowest), page and total, read in
 * one statement (the total and the page each as a JSON array) so a page costs one round trip.
 */
export async function listSessions(
  db: Db,
  query: ResolvedSessionQuery,
  page: ResolvedPage,
  preset: DashboardPreset,
): Promise<Page<SessionRow>> {
  const filtered = filterSessions(db, query, preset);
  const read = await readJsonArrays(db, {
    total: filtered.query.select(sql<number>`count(*)::int`.as('total')),
    rows: selectSorted(filtered).limit(page.limit).offset(page.offset),
  });
  const total = read.total[0]?.total ?? 0;
  return {
    items: read.rows.map((row) => toSessionRow(row, preset)),
    page: page.page,
    limit: page.limit,
    total,
    totalPages: totalPages(total, page.limit),
  };
}

/** One session, or null. */
export function getSession(
  db: Db,
  id: string,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionRow | null> {
  return readSessionRow(db, id, statusSql(preset, now), preset);
}
