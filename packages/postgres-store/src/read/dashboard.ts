import {
  BUCKET_MS,
  type BucketSize,
  bucketStart,
  type DashboardKpis,
  type DashboardMetrics,
  type DashboardPreset,
  type DashboardTimeSeriesPoint,
  type ResolvedDashboardParams,
  seriesBucketStarts,
  seriesNeedsHours,
  type TimeRange,
  timeBounds,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Num } from '../db/schema';
import type { Db } from '../db/types';
import { listAgents, modelUsage } from './agents';
import { readTraceTotals, type TraceTotals } from './bucket-totals';
import { funnelOf } from './chapters';
import {
  addFactTotals,
  emptyFactTotals,
  type FactTotals,
  latencyOf,
  readFactTotals,
  regroupByBucket,
} from './fact-totals';
import { bucketSql } from './facts';
import { whereStarted } from './session-rows';

/** Sums over the sessions of one period or one bucket of it. */
const SESSION_TOTALS = [
  sql<number>`count(*)::int`.as('sessions'),
  sql<number>`count(distinct user_id)::int`.as('users'),
  sql<Num | null>`avg(duration_ms)::float8`.as('avg_duration'),
  sql<number | null>`avg(cost)`.as('avg_cost'),
] as const;

/**
 * KPIs, time series, top agents, cost by model and funnel for one period, and the KPIs alone of
 * the previous period when asked for. The period's observation KPIs are the sum of its series
 * buckets (sketches included), so one rollup read answers both.
 */
export async function getDashboard(
  db: Db,
  query: ResolvedDashboardParams,
  preset: DashboardPreset,
): Promise<DashboardMetrics> {
  const { range, bucket, timeZone } = query;
  // UTC days come from the daily rollups; hours, and days of another zone, from hourly parts.
  const read = seriesNeedsHours(bucket, timeZone) ? 'hour' : 'day';
  const startOf = (time: number) => bucketStart(time, bucket, timeZone);
  const byBucket = regroupByBucket(
    await readFactTotals(db, { range, group: read, sketches: true }),
    startOf,
  );
  const facts = emptyFactTotals();
  for (const part of byBucket.values()) addFactTotals(facts, part);
  const traceParts = await readTraceTotals(db, range, read);
  const traces = { traces: 0, latencyCount: 0, latencySum: 0 };
  for (const part of traceParts.values()) {
    traces.traces += part.traces;
    traces.latencyCount += part.latencyCount;
    traces.latencySum += part.latencySum;
  }
  return {
    kpis: await readKpis(db, range, preset, { facts, traces }),
    previousKpis:
      query.previousRange === undefined ? null : await readKpis(db, query.previousRange, preset),
    timeSeries: await timeSeries(db, query, read, { facts: byBucket, traces: traceParts }),
    topAgents: (await listAgents(db, range, preset)).slice(0, query.topAgentsLimit),
    costByModel: await modelUsage(db, range, 'cost'),
    funnel: await funnelOf(whereStarted(db.selectFrom('session_agg'), range), preset),
  };
}

/**
 * The KPIs of one period: sessions started, traces timed and observations started in it (`added`
 * when the caller has added up the observations and traces already, from its series).
 */
async function readKpis(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  added?: { facts: FactTotals; traces: TraceTotals },
): Promise<DashboardKpis> {
  const sessions = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      ...SESSION_TOTALS,
      sql<number>`(count(*) filter (where chapter_reached >= ${preset.completedAtChapter}))::int`.as(
        'completed',
      ),
    ])
    .executeTakeFirstOrThrow();
  const traces = added ? added.traces : (await readTraceTotals(db, range, 'all')).get(0);
  const observed =
    added?.facts ??
    (await readFactTotals(db, { range, group: 'all', sketches: true })).get(0) ??
    emptyFactTotals();
  const latency = latencyOf(observed);
  return {
    sessions: sessions.sessions,
    users: sessions.users,
    traces: traces?.traces ?? 0,
    observations: observed.calls,
    generations: observed.generations,
    cost: observed.cost,
    tokens: { ...observed.tokens },
    errors: observed.errors,
    errorRate: observed.calls === 0 ? 0 : observed.errors / observed.calls,
    avgLatencyMs: latency.avgMs,
    p95LatencyMs: latency.p95Ms,
    avgTraceLatencyMs:
      traces === undefined || traces.latencyCount === 0
        ? null
        : traces.latencySum / traces.latencyCount,
    completedSessions: sessions.completed,
    completionRate: sessions.sessions === 0 ? 0 : sessions.completed / sessions.sessions,
    avgSessionDurationMs: toNumberOrNull(sessions.avg_duration),
    avgSessionCost: toNumberOrNull(sessions.avg_cost),
  };
}

async function timeSeries(
  db: Db,
  { range, bucket, timeZone }: ResolvedDashboardParams,
  read: BucketSize,
  parts: { facts: ReadonlyMap<number, FactTotals>; traces: ReadonlyMap<number, TraceTotals> },
): Promise<DashboardTimeSeriesPoint[]> {
  const factsBy = parts.facts;
  const width = BUCKET_MS[read];
  const startOf = (time: number) => bucketStart(time, bucket, timeZone);
  const sessionRows = await whereStarted(db.selectFrom('session_agg'), range)
    .select([
      bucketSql('started_at', width).as('bucket'),
      sql<number>`count(*)::int`.as('sessions'),
    ])
    .groupBy('bucket')
    .execute();
  const traceRows = [...parts.traces].map(([bucket, totals]) => ({
    bucket,
    traces: totals.traces,
  }));
  const sessionsBy = countByBucket(sessionRows, (row) => row.sessions, startOf);
  const tracesBy = countByBucket(traceRows, (row) => row.traces, startOf);
  // Bucket starts stand in for the times in them: both give the same series.
  const { earliest, latest } = timeBounds([
    ...sessionsBy.keys(),
    ...tracesBy.keys(),
    ...factsBy.keys(),
  ]);
  return seriesBucketStarts(range, earliest, latest, bucket, timeZone).map((start) => {
    const facts = factsBy.get(start);
    const latency = facts ? latencyOf(facts) : null;
    return {
      bucketStart: start,
      sessions: sessionsBy.get(start) ?? 0,
      traces: tracesBy.get(start) ?? 0,
      observations: facts?.calls ?? 0,
      generations: facts?.generations ?? 0,
      errors: facts?.errors ?? 0,
      cost: facts?.cost ?? 0,
      tokens: facts ? { ...facts.tokens } : { input: 0, output: 0, total: 0 },
      avgLatencyMs: latency?.avgMs ?? null,
      latencyP50Ms: latency?.p50Ms ?? null,
      latencyP95Ms: latency?.p95Ms ?? null,
    };
  });
}

/** Counts per read bucket added up per series bucket. */
function countByBucket<R extends { bucket: Num }>(
  rows: readonly R[],
  count: (row: R) => number,
  startOf: (time: number) => number,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const start = startOf(toNumber(row.bucket));
    counts.set(start, (counts.get(start) ?? 0) + count(row));
  }
  return counts;
}
