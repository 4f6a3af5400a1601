import {
  type DashboardPreset,
  type EpochMs,
  type Page,
  type ResolvedPage,
  type ResolvedSessionQuery,
  type SessionRow,
  type SessionSortKey,
  totalPages,
} from '@cupid-dashboard/core';
import {
  type FilteredSessionQuery,
  readSessionRow,
  SESSION_ROW_COLUMNS,
  SESSION_SORT_COLUMNS,
  sessionStatusSql,
  sessionsWithScore,
  toSessionRow,
  whereStarted,
} from '@cupid-dashboard/sql-store';
import type { SelectQueryBuilder } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { planSearch, type SessionSearch, searchCondition } from './session-search';

/** A query over sessions. */
export type SessionQuery = SelectQueryBuilder<StoreSchema, 'session_agg', object>;

/** A session query with the filters applied, and the sort it is read in. */
export type FilteredSessions = FilteredSessionQuery<SessionQuery>;

/** Sort keys with an index a page can be read in order from (so a walk can stop early). */
const INDEXED_SORTS: ReadonlySet<SessionSortKey> = new Set([
  'lastActivityAt',
  'startedAt',
  'durationMs',
  'userId',
  'id',
]);

/**
 * A page of a search is read by walking the sort's index and checking each session when the
 * matches are at least this many times the rows the page needs: the walk then visits about
 * this many times fewer sessions than match, instead of collecting and sorting every match.
 */
const WALK_FACTOR = 20;

/**
 * Applies a list's or scan's checked filters, and names the sort it is read in.
 *
 * @param search the search's plan ({@link planSearch}), null when there is no search
 * @param walk check the search session by session as the sort's index is walked (for a page of
 *   a search with many matches), instead of collecting the matching rowids first. Default false.
 */
export function filterSessions(
  db: Db,
  query: ResolvedSessionQuery,
  preset: DashboardPreset,
  search: SessionSearch | null,
  walk = false,
): FilteredSessions {
  const status = sessionStatusSql(preset, query.now);
  let filtered: SessionQuery = whereStarted(db.selectFrom('session_agg'), query.range);
  if (query.userId !== undefined) filtered = filtered.where('user_id', '=', query.userId);
  if (query.status !== 'all') filtered = filtered.where(status, '=', query.status);
  if (search !== null) filtered = filtered.where(searchCondition(search, walk));
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

/** Selects the row columns in the filter's order (ties by id ascending). */
export function selectSorted(filtered: FilteredSessions) {
  return filtered.query
    .select([...SESSION_ROW_COLUMNS, filtered.status.as('status')])
    .orderBy(filtered.sortColumn, filtered.order)
    .orderBy('id', 'asc');
}

/** The session list: filters, sort (ties by id ascending), page and total. */
export async function listSessions(
  db: Db,
  query: ResolvedSessionQuery,
  page: ResolvedPage,
  preset: DashboardPreset,
): Promise<Page<SessionRow>> {
  const search = query.search === undefined ? null : await planSearch(db, query.search);
  const filtered = filterSessions(db, query, preset, search);
  const countRow = await filtered.query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(countRow.total);
  const walk =
    search !== null &&
    INDEXED_SORTS.has(query.sort) &&
    total >= WALK_FACTOR * (page.offset + page.limit);
  const sorted = selectSorted(walk ? filterSessions(db, query, preset, search, true) : filtered);
  const rows =
    page.offset >= total ? [] : await sorted.limit(page.limit).offset(page.offset).execute();
  return {
    items: rows.map((row) => toSessionRow(row, preset)),
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
  return readSessionRow(db, id, sessionStatusSql(preset, now), preset);
}
