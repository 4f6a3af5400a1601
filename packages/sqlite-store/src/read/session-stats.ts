import {
  type ChapterFunnelStep,
  type DashboardPreset,
  type EpochMs,
  presetChapters,
  type SessionStats,
  type SessionStatus,
  type TimeRange,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { whereStarted } from './sessions';

/** Aggregates of the sessions started in a range, as the stats and the dashboard need them. */
export interface SessionScope {
  total: number;
  byStatus: Record<SessionStatus, number>;
  durationSum: number;
  cost: number;
  tokens: { input: number; output: number; total: number };
  uniqueUsers: number;
  /** Sessions that reached each preset chapter or a later one, in chapter order. */
  reached: number[];
  earliest: number | null;
  latest: number | null;
}

/**
 * Reads {@link SessionScope} in one pass over the covering index of the session aggregates
 * (conditional sums instead of a GROUP BY, so nothing is sorted), plus a distinct-user count.
 */
export async function sessionScope(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionScope> {
  const chapters = presetChapters(preset);
  const completed = sql`(chapter_reached is not null and chapter_reached >= ${preset.completedAtChapter})`;
  const row = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`coalesce(sum(${completed}), 0)`.as('completed'),
      sql<number>`coalesce(sum(not ${completed} and error_count > 0), 0)`.as('error'),
      sql<number>`coalesce(sum(not ${completed} and error_count = 0 and last_activity_at > ${now - preset.inactivityTimeoutMs}), 0)`.as(
        'active',
      ),
      sql<number>`coalesce(sum(duration_ms), 0)`.as('duration'),
      sql<number>`coalesce(sum(cost), 0)`.as('cost'),
      sql<number>`coalesce(sum(tokens_input), 0)`.as('tokens_input'),
      sql<number>`coalesce(sum(tokens_output), 0)`.as('tokens_output'),
      sql<number>`coalesce(sum(tokens_total), 0)`.as('tokens_total'),
      sql<number | null>`min(started_at)`.as('earliest'),
      sql<number | null>`max(started_at)`.as('latest'),
      sql<string>`json_array(${sql.join(
        chapters.map((chapter) => sql`coalesce(sum(chapter_reached >= ${chapter}), 0)`),
      )})`.as('reached'),
    ])
    .executeTakeFirstOrThrow();
  const users = await whereStarted(db.selectFrom('session_agg'), range)
    .select(sql<number>`count(distinct user_id)`.as('users'))
    .executeTakeFirstOrThrow();
  const total = Number(row.total);
  const error = Number(row.error);
  const active = Number(row.active);
  const done = Number(row.completed);
  return {
    total,
    byStatus: { completed: done, active, abandoned: total - done - error - active, error },
    durationSum: row.duration,
    cost: row.cost,
    tokens: { input: row.tokens_input, output: row.tokens_output, total: row.tokens_total },
    uniqueUsers: Number(users.users),
    reached: chapters.length === 0 ? [] : (JSON.parse(row.reached) as number[]),
    earliest: row.earliest,
    latest: row.latest,
  };
}

/** The chapter funnel from the chapter distribution (as core's `chapterFunnel`). */
export function funnelOf(scope: SessionScope, preset: DashboardPreset): ChapterFunnelStep[] {
  return presetChapters(preset).map((chapter, index) => {
    const sessions = scope.reached[index] ?? 0;
    return {
      chapter,
      name: preset.chapterNames[chapter] ?? String(chapter),
      sessions,
      rate: scope.total === 0 ? 0 : sessions / scope.total,
    };
  });
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
