import {
  activeAfter,
  type DashboardPreset,
  type EpochMs,
  type Page,
  type ResolvedPage,
  type ResolvedSessionQuery,
  type SessionRow,
  type SessionSortKey,
  type SessionStatus,
  type SortOrder,
  type TimeRange,
  totalPages,
} from '@cupid-dashboard/core';
import { sessionsWithScore } from '@cupid-dashboard/sql-store';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { SESSION_ROW_COLUMNS } from '../db/columns';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { planSearch, type SessionSearch, searchCondition } from './session-search';

const SORT_COLUMNS: Record<SessionSortKey, keyof StoreSchema['session_agg']> = {
  startedAt: 'started_at',
  lastActivityAt: 'last_activity_at',
  durationMs: 'duration_ms',
  traceCount: 'trace_count',
  generationCount: 'generation_count',
  chapterReached: 'chapter_reached',
  cost: 'cost',
  totalTokens: 'tokens_total',
  errorCount: 'error_count',
  userId: 'user_id',
  id: 'id',
};

/**
 * A session's status at `now`, decided in SQL in the order of core's `sessionStatus`: completed,
 * error, active (last activity less than the inactivity timeout ago), abandoned.
 */
export function statusSql(preset: DashboardPreset, now: EpochMs): RawBuilder<SessionStatus> {
  return sql<SessionStatus>`(case
    when chapter_reached is not null and chapter_reached >= ${preset.completedAtChapter} then 'completed'
    when error_count > 0 then 'error'
    when last_activity_at > ${activeAfter(preset, now)} then 'active'
    else 'abandoned' end)`;
}

export type SessionQuery = SelectQueryBuilder<StoreSchema, 'session_agg', object>;

/** Restricts a session query to sessions started in range. */
export function whereStarted(query: SessionQuery, range: TimeRange | undefined): SessionQuery {
  let next = query;
  if (range?.from !== undefined) next = next.where('started_at', '>=', range.from);
  if (range?.to !== undefined) next = next.where('started_at', '<', range.to);
  return next;
}

type RowValues = Pick<StoreSchema['session_agg'], (typeof SESSION_ROW_COLUMNS)[number]> & {
  status: SessionStatus;
};

export function toRow(values: RowValues, preset: DashboardPreset): SessionRow {
  return {
    id: values.id,
    userId: values.user_id,
    startedAt: values.started_at,
    lastActivityAt: values.last_activity_at,
    durationMs: values.duration_ms,
    traceCount: values.trace_count,
    generationCount: values.generation_count,
    observationCount: values.observation_count,
    chapterReached: values.chapter_reached,
    chapterName:
      values.chapter_reached === null
        ? null
        : (preset.chapterNames[values.chapter_reached] ?? null),
    status: values.status,
    cost: values.cost,
    tokens: {
      input: values.tokens_input,
      output: values.tokens_output,
      total: values.tokens_total,
    },
    errorCount: values.error_count,
  };
}

/** A session query with the filters applied, and the sort it is read in. */
export interface FilteredSessions {
  query: SessionQuery;
  status: RawBuilder<SessionStatus>;
  sortKey: SessionSortKey;
  sortColumn: keyof StoreSchema['session_agg'];
  order: SortOrder;
}

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
  const status = statusSql(preset, query.now);
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
    sortColumn: SORT_COLUMNS[query.sort],
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
    items: rows.map((row) => toRow(row, preset)),
    page: page.page,
    limit: page.limit,
    total,
    totalPages: totalPages(total, page.limit),
  };
}

/** One session, or null. */
export async function getSession(
  db: Db,
  id: string,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('session_agg')
    .select([...SESSION_ROW_COLUMNS, statusSql(preset, now).as('status')])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRow(row, preset) : null;
}
