import type { DashboardPreset, EpochMs, SessionStats, TimeRange } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Num } from '../db/schema';
import type { Db } from '../db/types';
import { funnelFrom, funnelQuery } from './chapters';
import { readJsonArrays } from './json-arrays';
import { statusSql, whereStarted } from './session-rows';

/**
 * Counts by status, durations, cost, users and the funnel of the sessions started in range, in
 * one statement (the totals and the funnel's counts each as a JSON array): one round trip.
 */
export async function getSessionStats(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<SessionStats> {
  const sessions = whereStarted(db.selectFrom('session_agg'), range);
  const status = statusSql(preset, now);
  const read = await readJsonArrays(db, {
    totals: sessions.select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where ${status} = 'completed')::int`.as('completed'),
      sql<number>`count(*) filter (where ${status} = 'active')::int`.as('active'),
      sql<number>`count(*) filter (where ${status} = 'abandoned')::int`.as('abandoned'),
      sql<number>`count(*) filter (where ${status} = 'error')::int`.as('error'),
      sql<Num | null>`avg(duration_ms)::float8`.as('avg_duration'),
      // percentile_disc picks the first value whose rank reaches the fraction: the nearest rank.
      sql<Num | null>`percentile_disc(0.5) within group (order by duration_ms)`.as('median'),
      sql<number>`coalesce(sum(cost), 0)`.as('cost'),
      sql<number>`coalesce(sum(tokens_input), 0)`.as('tokens_input'),
      sql<number>`coalesce(sum(tokens_output), 0)`.as('tokens_output'),
      sql<number>`coalesce(sum(tokens_total), 0)`.as('tokens_total'),
      sql<number>`count(distinct user_id)::int`.as('users'),
    ]),
    funnel: funnelQuery(sessions),
  });
  // An aggregate without `group by` always yields its one row.
  const row = read.totals[0];
  if (row === undefined) throw new Error('session totals returned no row');
  const total = row.total;
  return {
    total,
    byStatus: {
      completed: row.completed,
      active: row.active,
      abandoned: row.abandoned,
      error: row.error,
    },
    completionRate: total === 0 ? 0 : row.completed / total,
    avgDurationMs: toNumberOrNull(row.avg_duration),
    medianDurationMs: toNumberOrNull(row.median),
    cost: toNumber(row.cost),
    tokens: {
      input: toNumber(row.tokens_input),
      output: toNumber(row.tokens_output),
      total: toNumber(row.tokens_total),
    },
    uniqueUsers: row.users,
    funnel: funnelFrom(read.funnel, preset),
  };
}
