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
import { statusSql, whereStarted } from './sessions';

/** Aggregates of the sessions started in a range, as the stats and the dashboard need them. */
export interface SessionScope {
  total: number;
  byStatus: Record<SessionStatus, number>;
  durationSum: number;
  cost: number;
  tokens: { input: number; output: number; total: number };
  uniqueUsers: number;
  /** Chapter reached → sessions (null: none reached). */
  chapters: Map<number | null, number>;
  earliest: number | null;
  latest: number | null;
}

/** Reads {@link SessionScope} with two grouped queries over the session aggregates. */
export async function sessionScope(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionScope> {
  const status = statusSql(preset, now);
  const groups = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      'chapter_reached',
      status.as('status'),
      sql<number>`count(*)`.as('sessions'),
      sql<number>`sum(duration_ms)`.as('duration'),
      sql<number>`sum(cost)`.as('cost'),
      sql<number>`sum(tokens_input)`.as('tokens_input'),
      sql<number>`sum(tokens_output)`.as('tokens_output'),
      sql<number>`sum(tokens_total)`.as('tokens_total'),
      sql<number>`min(started_at)`.as('earliest'),
      sql<number>`max(started_at)`.as('latest'),
    ])
    .groupBy(['chapter_reached', status])
    .execute();
  const users = await whereStarted(db.selectFrom('session_agg'), range)
    .select(sql<number>`count(distinct user_id)`.as('users'))
    .executeTakeFirstOrThrow();
  const scope: SessionScope = {
    total: 0,
    byStatus: { completed: 0, active: 0, abandoned: 0, error: 0 },
    durationSum: 0,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    uniqueUsers: Number(users.users),
    chapters: new Map(),
    earliest: null,
    latest: null,
  };
  for (const group of groups) {
    const sessions = Number(group.sessions);
    scope.total += sessions;
    scope.byStatus[group.status] += sessions;
    scope.durationSum += group.duration;
    scope.cost += group.cost;
    scope.tokens.input += group.tokens_input;
    scope.tokens.output += group.tokens_output;
    scope.tokens.total += group.tokens_total;
    scope.chapters.set(
      group.chapter_reached,
      (scope.chapters.get(group.chapter_reached) ?? 0) + sessions,
    );
    if (scope.earliest === null || group.earliest < scope.earliest) scope.earliest = group.earliest;
    if (scope.latest === null || group.latest > scope.latest) scope.latest = group.latest;
  }
  return scope;
}

/** The chapter funnel from the chapter distribution (as core's `chapterFunnel`). */
export function funnelOf(scope: SessionScope, preset: DashboardPreset): ChapterFunnelStep[] {
  return presetChapters(preset).map((chapter) => {
    let sessions = 0;
    for (const [reached, count] of scope.chapters) {
      if (reached !== null && reached >= chapter) sessions += count;
    }
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
