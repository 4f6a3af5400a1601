import {
  BUCKET_MS,
  type BucketSize,
  type DashboardKpis,
  type DashboardMetrics,
  type DashboardPreset,
  type DashboardTimeSeriesPoint,
  type ResolvedDashboardParams,
  seriesBucketStarts,
  type TimeRange,
  timeBounds,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Num } from '../db/schema';
import type { Db } from '../db/types';
import { listAgents, modelUsage } from './agents';
import { funnelOf } from './chapters';
import { bucketSql, FACT_TOTALS, type FactTotals, toFactTotals, whereObserved } from './facts';
import { whereStarted } from './session-rows';

function whereTraced(db: Db, range: TimeRange | undefined) {
  let query = db.selectFrom('trace_agg');
  if (range?.from !== undefined) query = query.where('timestamp', '>=', range.from);
  if (range?.to !== undefined) query = query.where('timestamp', '<', range.to);
  return query;
}

/** Sums over the sessions of one period or one bucket of it. */
const SESSION_TOTALS = [
  sql<number>`count(*)::int`.as('sessions'),
  sql<number>`count(distinct user_id)::int`.as('users'),
  sql<Num | null>`avg(duration_ms)::float8`.as('avg_duration'),
  sql<number | null>`avg(cost)`.as('avg_cost'),
] as const;

/**
 * KPIs, time series, top agents, cost by model and funnel for one period, and the KPIs alone of
 * the previous period when asked for.
 */
export async function getDashboard(
  db: Db,
  query: ResolvedDashboardParams,
  preset: DashboardPreset,
): Promise<DashboardMetrics> {
  const { range } = query;
  return {
    kpis: await readKpis(db, range, preset),
    previousKpis:
      query.previousRange === undefined ? null : await readKpis(db, query.previousRange, preset),
    timeSeries: await timeSeries(db, range, query.bucket),
    topAgents: (await listAgents(db, range, preset)).slice(0, query.topAgentsLimit),
    costByModel: await modelUsage(db, range, 'cost'),
    funnel: await funnelOf(whereStarted(db.selectFrom('session_agg'), range), preset),
  };
}

/** The KPIs of one period: sessions started, traces timed and observations started in it. */
async function readKpis(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
): Promise<DashboardKpis> {
  const sessionTotals = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      ...SESSION_TOTALS,
      sql<number>`(count(*) filter (where chapter_reached >= ${preset.completedAtChapter}))::int`.as(
        'completed',
      ),
    ])
    .executeTakeFirstOrThrow();
  const traceTotals = await whereTraced(db, range)
    .select([
      sql<number>`count(*)::int`.as('traces'),
      sql<number | null>`avg(latency_ms)`.as('latency'),
    ])
    .executeTakeFirstOrThrow();
  const facts = toFactTotals(
    await whereObserved(db.selectFrom('observations'), range)
      .select(FACT_TOTALS)
      .executeTakeFirstOrThrow(),
  );
  return kpisOf(sessionTotals, traceTotals, facts);
}

function kpisOf(
  sessions: {
    sessions: number;
    users: number;
    avg_duration: Num | null;
    avg_cost: number | null;
    completed: number;
  },
  traces: { traces: number; latency: number | null },
  facts: FactTotals,
): DashboardKpis {
  return {
    sessions: sessions.sessions,
    users: sessions.users,
    traces: traces.traces,
    observations: facts.calls,
    generations: facts.generations,
    cost: facts.cost,
    tokens: facts.tokens,
    errors: facts.errors,
    errorRate: facts.calls === 0 ? 0 : facts.errors / facts.calls,
    avgLatencyMs: facts.latency.avgMs,
    p95LatencyMs: facts.latency.p95Ms,
    avgTraceLatencyMs: toNumberOrNull(traces.latency),
    completedSessions: sessions.completed,
    completionRate: sessions.sessions === 0 ? 0 : sessions.completed / sessions.sessions,
    avgSessionDurationMs: toNumberOrNull(sessions.avg_duration),
    avgSessionCost: toNumberOrNull(sessions.avg_cost),
  };
}

async function timeSeries(
  db: Db,
  range: TimeRange | undefined,
  bucket: BucketSize,
): Promise<DashboardTimeSeriesPoint[]> {
  const width = BUCKET_MS[bucket];
  const sessionRows = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      bucketSql('started_at', width).as('bucket'),
      sql<number>`count(*)::int`.as('sessions'),
      sql<Num>`min(started_at)`.as('first'),
      sql<Num>`max(started_at)`.as('last'),
    ])
    .groupBy('bucket')
    .execute();
  const traceRows = await whereTraced(db, range)
    .select([
      bucketSql('timestamp', width).as('bucket'),
      sql<number>`count(*)::int`.as('traces'),
      sql<Num>`min(timestamp)`.as('first'),
      sql<Num>`max(timestamp)`.as('last'),
    ])
    .groupBy('bucket')
    .execute();
  const factRows = await whereObserved(db.selectFrom('observations'), range)
    .select([
      bucketSql('start_time', width).as('bucket'),
      sql<Num>`min(start_time)`.as('first'),
      ...FACT_TOTALS,
    ])
    .groupBy('bucket')
    .execute();
  const times = [
    ...sessionRows,
    ...traceRows,
    ...factRows.map((row) => ({ first: row.first, last: row.last_start ?? row.first })),
  ].flatMap((row) => [toNumber(row.first), toNumber(row.last)]);
  const { earliest, latest } = timeBounds(times);
  const sessionsBy = new Map(sessionRows.map((row) => [toNumber(row.bucket), row.sessions]));
  const tracesBy = new Map(traceRows.map((row) => [toNumber(row.bucket), row.traces]));
  const factsBy = new Map(factRows.map((row) => [toNumber(row.bucket), toFactTotals(row)]));
  return seriesBucketStarts(range, earliest, latest, bucket).map((start) => {
    const facts = factsBy.get(start);
    return {
      bucketStart: start,
      sessions: sessionsBy.get(start) ?? 0,
      traces: tracesBy.get(start) ?? 0,
      observations: facts?.calls ?? 0,
      generations: facts?.generations ?? 0,
      errors: facts?.errors ?? 0,
      cost: facts?.cost ?? 0,
      tokens: facts?.tokens ?? { input: 0, output: 0, total: 0 },
      avgLatencyMs: facts?.latency.avgMs ?? null,
      latencyP50Ms: facts?.latency.p50Ms ?? null,
      latencyP95Ms: facts?.latency.p95Ms ?? null,
    };
  });
}
