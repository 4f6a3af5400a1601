import {
  activeAfter,
  type DashboardPreset,
  type EpochMs,
  type SessionRow,
  type SessionSortKey,
  type SessionStatus,
  type SortOrder,
  type TimeRange,
} from '@cupid-dashboard/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Num, toNumber } from '../db/numbers';
import type { SessionAggColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** The tables a session row is read from. */
export interface SessionRowSchema {
  session_agg: SessionAggColumns<Num>;
}

/** The `session_agg` column each session sort key orders by. */
export const SESSION_SORT_COLUMNS: Readonly<Record<SessionSortKey, keyof SessionAggColumns<Num>>> =
  {
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
 * The `session_agg` columns a session list row is made of, in select order (SQLite's insert
 * order too).
 *
 * @example
 * db.selectFrom('session_agg').select(SESSION_ROW_COLUMNS);
 */
export const SESSION_ROW_COLUMNS = [
  'id',
  'user_id',
  'started_at',
  'last_activity_at',
  'duration_ms',
  'trace_count',
  'generation_count',
  'observation_count',
  'chapter_reached',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'error_count',
] as const satisfies readonly (keyof SessionAggColumns<Num>)[];

/**
 * A session's status at `now`, decided in SQL in the order of core's `sessionStatus`: completed,
 * error, active (last activity less than the inactivity timeout ago), abandoned.
 *
 * @param timeCast what follows the activity bound's parameter (PostgreSQL: `::bigint`, so the
 *   comparison stays on integers); none by default
 */
export function sessionStatusSql(
  preset: DashboardPreset,
  now: EpochMs,
  timeCast: RawBuilder<unknown> = sql``,
): RawBuilder<SessionStatus> {
  return sql<SessionStatus>`(case
    when chapter_reached is not null and chapter_reached >= ${preset.completedAtChapter} then 'completed'
    when error_count > 0 then 'error'
    when last_activity_at > ${activeAfter(preset, now)}${timeCast} then 'active'
    else 'abandoned' end)`;
}

/** Restricts a session query to sessions started in range. */
export function whereStarted<DB extends SessionRowSchema, O>(
  query: SelectQueryBuilder<DB, 'session_agg', O>,
  range: TimeRange | undefined,
): SelectQueryBuilder<DB, 'session_agg', O> {
  let next = query;
  if (range?.from !== undefined) next = next.where(sql.ref('started_at'), '>=', range.from);
  if (range?.to !== undefined) next = next.where(sql.ref('started_at'), '<', range.to);
  return next;
}

/** A session query with the list's or scan's filters applied, and the sort it is read in. */
export interface FilteredSessionQuery<Q> {
  query: Q;
  status: RawBuilder<SessionStatus>;
  sortKey: SessionSortKey;
  sortColumn: keyof SessionAggColumns<Num>;
  order: SortOrder;
}

/** The values of {@link SESSION_ROW_COLUMNS} and the status, as a store reads them. */
export type SessionRowValues = Pick<
  SessionAggColumns<Num>,
  (typeof SESSION_ROW_COLUMNS)[number]
> & { status: SessionStatus };

/** A `session_agg` row and its status as the API's `SessionRow`. */
export function toSessionRow(values: SessionRowValues, preset: DashboardPreset): SessionRow {
  return {
    id: values.id,
    userId: values.user_id,
    startedAt: toNumber(values.started_at),
    lastActivityAt: toNumber(values.last_activity_at),
    durationMs: toNumber(values.duration_ms),
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

const onSessions = sharedView<SessionRowSchema>();

/** One session's row with its status (see {@link sessionStatusSql}), or null. */
export async function readSessionRow<DB extends SessionRowSchema>(
  db: SqlDb<DB>,
  id: string,
  status: RawBuilder<SessionStatus>,
  preset: DashboardPreset,
): Promise<SessionRow | null> {
  const row = await onSessions(db)
    .selectFrom('session_agg')
    .select([...SESSION_ROW_COLUMNS, status.as('status')])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSessionRow(row, preset) : null;
}
