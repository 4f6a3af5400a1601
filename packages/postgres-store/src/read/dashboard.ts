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
import { agentSelects, agentsFrom, modelQuery, modelUsageFrom } from './agents';
import { type TraceTotals, traceTotalsFrom, traceTotalsQuery } from './bucket-totals';
import { funnelFrom, funnelQuery } from './chapters';
import {
  addFactTotals,
  addSketches,
  emptyFactTotals,
  type FactQuery,
  type FactTotals,
  factTotalsFrom,
  factTotalsQuery,
  latencyOf,
  regroupByBucket,
  sketchesQuery,
} from './fact-totals';
import { bucketSql } from './facts';
import { readJsonArrays } from './json-arrays';
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
 * the previous period when asked for, in one statement (`dashboardSelects`, each part read as a
 * JSON array): each statement costs a round trip and a wake-up of both processes, which on a
 * busy machine outweighs what most of these parts take to run. The period's observation KPIs
 * are the sum of its series buckets (sketches included), so one rollup read answers both.
 */
export async function getDashboard(
  db: Db,
  query: ResolvedDashboardParams,
  preset: DashboardPreset,
): Promise<DashboardMetrics> {
  const { bucket, timeZone } = query;
  // UTC days come from the daily rollups; hours, and days of another zone, from hourly parts.
  const read = seriesNeedsHours(bucket, timeZone) ? 'hour' : 'day';
  const rows = await readJsonArrays(db, dashboardSelects(db, query, preset, read));
  const startOf = (time: number) => bucketStart(time, bucket, timeZone);
  const readBuckets = factTotalsFrom(read, rows.facts);
  addSketches(read, rows.sketches, readBuckets);
  const byBucket = regroupByBucket(readBuckets, startOf);
  const facts = emptyFactTotals();
  for (const part of byBucket.values()) addFactTotals(facts, part);
  const traceParts = traceTotalsFrom(rows.traces);
  const traces = { traces: 0, latencyCount: 0, latencySum: 0 };
  for (const part of traceParts.values()) {
    traces.traces += part.traces;
    traces.latencyCount += part.latencyCount;
    traces.latencySum += part.latencySum;
  }
  return {
    kpis: kpisOf(rows.sessions[0], facts, traces),
    previousKpis: query.previousRange === undefined ? null : previousKpis(rows),
    timeSeries: timeSeries(query, {
      facts: byBucket,
      traces: traceParts,
      sessions: rows.sessionBuckets,
    }),
    topAgents: agentsFrom(rows, preset).slice(0, query.topAgentsLimit),
    costByModel: modelUsageFrom(factTotalsFrom('model', rows.models), 'cost'),
    funnel: funnelFrom(rows.funnel, preset),
  };
}

/** Every part of a dashboard answer as a select (null for a part the range reads nothing of). */
function dashboardSelects(
  db: Db,
  query: ResolvedDashboardParams,
  preset: DashboardPreset,
  read: BucketSize,
) {
  const { range, previousRange } = query;
  const series: FactQuery = { range, group: read };
  const previous: FactQuery = { range: previousRange, group: 'all' };
  const none = previousRange === undefined;
  return {
    facts: factTotalsQuery(db, series),
    sketches: sketchesQuery(db, series),
    traces: traceTotalsQuery(db, range, read),
    sessions: sessionTotalsQuery(db, range, preset),
    sessionBuckets: whereStarted(db.selectFrom('session_agg'), range)
      .select([
        bucketSql('started_at', BUCKET_MS[read]).as('bucket'),
        sql<number>`count(*)::int`.as('sessions'),
      ])
      .groupBy('bucket'),
    ...agentSelects(db, range),
    models: factTotalsQuery(db, modelQuery(range)),
    funnel: funnelQuery(whereStarted(db.selectFrom('session_agg'), range)),
    previousSessions: none ? null : sessionTotalsQuery(db, previousRange, preset),
    previousTraces: none ? null : traceTotalsQuery(db, previousRange, 'all'),
    previousFacts: none ? null : factTotalsQuery(db, previous),
    previousSketches: none ? null : sketchesQuery(db, previous),
  };
}

type DashboardRows = Awaited<
  ReturnType<typeof readJsonArrays<ReturnType<typeof dashboardSelects>>>
>;

/** The previous period's KPIs from its parts of the dashboard's rows. */
function previousKpis(rows: DashboardRows): DashboardKpis {
  const facts = factTotalsFrom('all', rows.previousFacts);
  addSketches('all', rows.previousSketches, facts);
  const traces = traceTotalsFrom(rows.previousTraces).get(0);
  return kpisOf(rows.previousSessions[0], facts.get(0) ?? emptyFactTotals(), traces);
}

/** Sums over the sessions started in a period. */
function sessionTotalsQuery(db: Db, range: TimeRange | undefined, preset: DashboardPreset) {
  return whereStarted(db.selectFrom('session_agg'), range).select([
    ...SESSION_TOTALS,
    sql<number>`(count(*) filter (where chapter_reached >= ${preset.completedAtChapter}))::int`.as(
      'completed',
    ),
  ]);
}

/** The KPIs of one period from its session sums and its observation and trace totals. */
function kpisOf(
  sessions: SessionTotals | undefined,
  observed: FactTotals,
  traces: TraceTotals | undefined,
): DashboardKpis {
  const latency = latencyOf(observed);
  const count = sessions?.sessions ?? 0;
  const completed = sessions?.completed ?? 0;
  return {
    sessions: count,
    users: sessions?.users ?? 0,
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
    completedSessions: completed,
    completionRate: count === 0 ? 0 : completed / count,
    avgSessionDurationMs: toNumberOrNull(sessions?.avg_duration ?? null),
    avgSessionCost: toNumberOrNull(sessions?.avg_cost ?? null),
  };
}

interface SessionTotals {
  sessions: number;
  users: number;
  completed: number;
  avg_duration: Num | null;
  avg_cost: Num | null;
}

function timeSeries(
  { range, bucket, timeZone }: ResolvedDashboardParams,
  parts: {
    facts: ReadonlyMap<number, FactTotals>;
    traces: ReadonlyMap<number, TraceTotals>;
    sessions: readonly { bucket: Num; sessions: number }[];
  },
): DashboardTimeSeriesPoint[] {
  const factsBy = parts.facts;
  const startOf = (time: number) => bucketStart(time, bucket, timeZone);
  const traceRows = [...parts.traces].map(([bucket, totals]) => ({
    bucket,
    traces: totals.traces,
  }));
  const sessionsBy = countByBucket(parts.sessions, (row) => row.sessions, startOf);
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
