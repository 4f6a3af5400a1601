import {
  activeAfter,
  type ChapterCount,
  type ChapterFunnelStep,
  chapterFunnelOfCounts,
  countStatuses,
  type DashboardPreset,
  type EpochMs,
  planRange,
  rollupSpans,
  type SessionStats,
  type SessionStatus,
  type TimeRange,
} from '@cupid-dashboard/core';
import { whereStarted } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import { SESSION_FACT_COLUMNS } from '../db/columns';
import type { Db } from '../db/types';
import { inSpan } from './rollup-spans';

/** Aggregates of the sessions started in a range, as the stats and the dashboard need them. */
export interface SessionScope {
  total: number;
  byStatus: Record<SessionStatus, number>;
  durationSum: number;
  cost: number;
  tokens: { input: number; output: number; total: number };
  uniqueUsers: number;
  /** How many sessions reached each chapter (null: none), and how many of them have errors. */
  chapters: ChapterCount[];
  /** Sessions started per rollup bucket or, at the edges, per start time. */
  starts: Array<{ time: number; sessions: number }>;
}

/**
 * Reads {@link SessionScope}: whole days and hours from the session rollups, the partial hours at
 * the edges from the session rows; `active` (the one status that depends on the clock) counts
 * the recently active sessions through their activity index, and users are counted distinct.
 *
 * @param hourly keep to hourly rollups (for an hourly series)
 */
export async function sessionScope(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  now: EpochMs,
  hourly = false,
): Promise<SessionScope> {
  const plan = planRange(range, !hourly);
  const chapters = new Map<string, [number, number]>();
  const scope: SessionScope = {
    total: 0,
    byStatus: { completed: 0, active: 0, abandoned: 0, error: 0 },
    durationSum: 0,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    uniqueUsers: 0,
    chapters: [],
    starts: [],
  };
  const addChapter = (key: string, sessions: number, errors: number) => {
    const counts = chapters.get(key) ?? [0, 0];
    counts[0] += sessions;
    counts[1] += errors;
    chapters.set(key, counts);
  };
  for (const { table, span } of rollupSpans(plan, { day: 'session_day', hour: 'session_hour' })) {
    const select = inSpan(db.selectFrom(table as 'session_hour'), span).selectAll();
    for (const row of await select.execute()) {
      scope.total += row.sessions;
      scope.durationSum += row.duration_sum;
      scope.cost += row.cost;
      scope.tokens.input += row.tokens_input;
      scope.tokens.output += row.tokens_output;
      scope.tokens.total += row.tokens_total;
      scope.starts.push({ time: row.bucket, sessions: row.sessions });
      const counts = JSON.parse(row.chapters) as Record<string, [number, number]>;
      for (const [key, [sessions, errors]] of Object.entries(counts))
        addChapter(key, sessions, errors);
    }
  }
  for (const span of plan.raw) {
    const rows = await db
      .selectFrom('session_agg')
      .select(SESSION_FACT_COLUMNS)
      .where('started_at', '>=', span.from)
      .where('started_at', '<', span.to)
      .execute();
    for (const row of rows) {
      scope.total++;
      scope.durationSum += row.duration_ms;
      scope.cost += row.cost;
      scope.tokens.input += row.tokens_input;
      scope.tokens.output += row.tokens_output;
      scope.tokens.total += row.tokens_total;
      scope.starts.push({ time: row.started_at, sessions: 1 });
      addChapter(String(row.chapter_reached), 1, row.error_count > 0 ? 1 : 0);
    }
  }

  scope.chapters = [...chapters].map(([key, [sessions, withErrors]]) => ({
    chapterReached: key === 'null' ? null : Number(key),
    sessions,
    withErrors,
  }));
  const done = preset.completedAtChapter;
  const active = await whereStarted(db.selectFrom('session_agg'), range)
    .select(sql<number>`count(*)`.as('active'))
    .where('last_activity_at', '>', activeAfter(preset, now))
    .where('error_count', '=', 0)
    .where((eb) => eb.or([eb('chapter_reached', 'is', null), eb('chapter_reached', '<', done)]))
    .executeTakeFirstOrThrow();
  scope.byStatus = countStatuses(scope.chapters, Number(active.active), preset);
  const users = await whereStarted(db.selectFrom('session_agg'), range)
    .select(sql<number>`count(distinct user_id)`.as('users'))
    .executeTakeFirstOrThrow();
  scope.uniqueUsers = Number(users.users);
  return scope;
}

/** The chapter funnel from the chapter distribution (core's `chapterFunnelOfCounts`). */
export function funnelOf(scope: SessionScope, preset: DashboardPreset): ChapterFunnelStep[] {
  return chapterFunnelOfCounts(scope.chapters, preset);
}

/** Session statistics over the sessions started in range. */
export async function getSessionStats(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionStats> {
  const scope = await sessionScope(db, range, preset, now);
  const { total } = scope;
  let medianDurationMs: number | null = null;
  if (total > 0) {
    // Nearest rank: the value at rank ceil(n / 2) of the sorted durations.
    const median = await whereStarted(db.selectFrom('session_agg'), range)
      .select('duration_ms')
      .orderBy('duration_ms')
      .limit(1)
      .offset(Math.max(1, Math.ceil(total / 2)) - 1)
      .executeTakeFirst();
    medianDurationMs = median?.duration_ms ?? null;
  }
  return {
    total,
    byStatus: scope.byStatus,
    completionRate: total === 0 ? 0 : scope.byStatus.completed / total,
    avgDurationMs: total === 0 ? null : scope.durationSum / total,
    medianDurationMs,
    cost: scope.cost,
    tokens: scope.tokens,
    uniqueUsers: scope.uniqueUsers,
    funnel: funnelOf(scope, preset),
  };
}
