import {
  activeAfter,
  type DashboardPreset,
  type EpochMs,
  normalizeSearchQuery,
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
import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { SESSION_ROW_COLUMNS } from '../db/columns';
import type { StoreSchema } from '../db/schema';
import { codeOf, pairBit, pairBitTest } from '../db/search-grams';
import type { Db } from '../db/types';

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

/**
 * Restricts to sessions whose id, user or message text holds the query. Three or more characters
 * go through the FTS5 trigram index as one quoted phrase (a literal substring). Shorter queries,
 * which trigrams cannot index, go through the sessions' grams (`db/search-grams.ts`): one
 * character is answered by them exactly, two are checked with `instr` against the text of only
 * the sessions holding both characters and the pair's bit (no wildcards either way).
 */
function whereSearch(query: SessionQuery, search: string): SessionQuery {
  const needle = normalizeSearchQuery(search);
  if (needle === '') return query;
  const chars = [...needle];
  if (chars.length >= 3) {
    const phrase = `"${needle.replaceAll('"', '""')}"`;
    return query.where('rowid', 'in', (eb: ExpressionBuilder<StoreSchema, 'session_agg'>) =>
      eb
        .selectFrom('session_fts')
        .select('session_fts.rowid')
        .where(sql<boolean>`session_fts match ${phrase}`),
    );
  }
  const [first, second] = chars as [string, string | undefined];
  if (second === undefined) {
    return query.where('rowid', 'in', (eb: ExpressionBuilder<StoreSchema, 'session_agg'>) =>
      eb
        .selectFrom('session_chars')
        .select('session_chars.rowid')
        .where(sql<boolean>`instr(chars, ${first}) > 0`),
    );
  }
  const { position, mask } = pairBitTest(pairBit(codeOf(first), codeOf(second)));
  // Cross joins keep SQLite's join order: characters first, then bitmaps and text by rowid.
  return query.where('rowid', 'in', (eb: ExpressionBuilder<StoreSchema, 'session_agg'>) =>
    eb
      .selectFrom('session_chars')
      .crossJoin('session_pairs')
      .crossJoin('session_fts')
      .select('session_chars.rowid')
      .where(sql<boolean>`instr(session_chars.chars, ${first}) > 0`)
      .where(sql<boolean>`instr(session_chars.chars, ${second}) > 0`)
      .whereRef('session_pairs.rowid', '=', 'session_chars.rowid')
      .where(sql<boolean>`instr(${mask}, substr(session_pairs.pairs, ${position}, 1)) > 0`)
      .whereRef('session_fts.rowid', '=', 'session_chars.rowid')
      .where(
        sql<boolean>`(instr(session_fts.ident, ${needle}) > 0 or instr(session_fts.body, ${needle}) > 0)`,
      ),
  );
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
  const filtered = filterSessions(db, query, preset);
  const countRow = await filtered.query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(countRow.total);
  const rows =
    page.offset >= total
      ? []
      : await selectSorted(filtered).limit(page.limit).offset(page.offset).execute();
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
