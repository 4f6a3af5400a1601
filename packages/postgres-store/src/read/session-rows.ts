import {
  activeAfter,
  type DashboardPreset,
  type EpochMs,
  type SessionRow,
  type SessionSortKey,
  type SessionStatus,
  type TimeRange,
} from '@cupid-dashboard/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { SessionAggTable, StoreSchema } from '../db/schema';

/** The `session_agg` column each session sort key orders by. */
export const SORT_COLUMNS: Readonly<Record<SessionSortKey, keyof SessionAggTable>> = {
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

/** The columns a session row is read from. */
export const ROW_COLUMNS = [
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
] as const satisfies readonly (keyof SessionAggTable)[];

/** A session's status at `now`, in SQL, in the order of core's `sessionStatus`. */
export function statusSql(preset: DashboardPreset, now: EpochMs): RawBuilder<SessionStatus> {
  return sql<SessionStatus>`(case
    when chapter_reached is not null and chapter_reached >= ${preset.completedAtChapter} then 'completed'
    when error_count > 0 then 'error'
    when last_activity_at > ${activeAfter(preset, now)}::bigint then 'active'
    else 'abandoned' end)`;
}

/** A query over sessions. */
export type SessionQuery = SelectQueryBuilder<StoreSchema, 'session_agg', object>;

/** Restricts a session query to sessions started in range. */
export function whereStarted(query: SessionQuery, range: TimeRange | undefined): SessionQuery {
  let next = query;
  if (range?.from !== undefined) next = next.where('started_at', '>=', range.from);
  if (range?.to !== undefined) next = next.where('started_at', '<', range.to);
  return next;
}

type RowValues = Pick<SessionAggTable, (typeof ROW_COLUMNS)[number]> & { status: SessionStatus };

/** A `session_agg` row and its status as the API's `SessionRow`. */
export function toSessionRow(values: RowValues, preset: DashboardPreset): SessionRow {
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
