import {
  type BucketSize,
  bucketStart,
  type DashboardKpis,
  type DashboardMetrics,
  type DashboardPreset,
  type DashboardTimeSeriesPoint,
  type EpochMs,
  type ResolvedDashboardParams,
  seriesBucketStarts,
  seriesNeedsHours,
  type TimeRange,
} from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { modelUsageOf, summarizeAgents } from './agents';
import { readEdges } from './edge-hours';
import { emptyTotals, type FactPart, groupParts, meanLatency } from './fact-totals';
import { readFactParts } from './facts';
import { funnelOf, type SessionScope, sessionScope } from './session-stats';
import { readTraceParts, type TracePart } from './trace-parts';

/**
 * The dashboard for one period, from rollups plus the raw partial hours at its edges, and the
 * KPIs alone of the previous period when asked for. The series and KPIs add up the rollups
 * across agents (one row per bucket); only the agent and model tables read the per-agent ones,
 * by whole days where the range has them.
 */
export async function getDashboard(
  db: Db,
  params: ResolvedDashboardParams,
  preset: DashboardPreset,
): Promise<DashboardMetrics> {
  const { range, bucket, timeZone } = params;
  const hourly = seriesNeedsHours(bucket, timeZone);
  const scope = await sessionScope(db, range, preset, params.now, hourly);
  // The raw edges are the same in every plan, so they are read once.
  const edges = await readEdges(db, { range });
  const seriesParts = (
    await readFactParts(db, { range, hourly, sketches: true, acrossAgents: true }, edges)
  ).filter((part) => part.calls > 0);
  const agentParts = (await readFactParts(db, { range, sketches: true }, edges)).filter(
    (part) => part.calls > 0,
  );
  const traceParts = (await readTraceParts(db, range, hourly)).filter((part) => part.traces > 0);

  const agents = await summarizeAgents(db, agentParts, range, preset);
  return {
    kpis: kpisOf(scope, seriesParts, traceParts),
    previousKpis:
      params.previousRange === undefined
        ? null
        : await readKpis(db, params.previousRange, preset, params.now),
    timeSeries: timeSeriesOf(scope, seriesParts, traceParts, range, { bucket, timeZone }),
    topAgents: agents.slice(0, params.topAgentsLimit),
    costByModel: modelUsageOf(agentParts),
    funnel: funnelOf(scope, preset),
  };
}

/** The zero-filled series of a period from its session starts, fact parts and trace parts. */
function timeSeriesOf(
  scope: SessionScope,
  parts: readonly FactPart[],
  traceParts: readonly TracePart[],
  range: TimeRange | undefined,
  { bucket, timeZone }: { bucket: BucketSize; timeZone: string },
): DashboardTimeSeriesPoint[] {
  const startOf = (time: number) => bucketStart(time, bucket, timeZone);
  const sessionsByBucket = new Map<number, number>();
  for (const { time, sessions } of scope.starts) {
    const start = startOf(time);
    sessionsByBucket.set(start, (sessionsByBucket.get(start) ?? 0) + sessions);
  }
  const traceTotals = new Map<number, number>();
  for (const part of traceParts) {
    const start = startOf(part.time);
    traceTotals.set(start, (traceTotals.get(start) ?? 0) + part.traces);
  }
  let earliest: number | null = null;
  let latest: number | null = null;
  const see = (first: number, last: number) => {
    if (earliest === null || first < earliest) earliest = first;
    if (latest === null || last > latest) latest = last;
  };
  for (const start of scope.starts) if (start.sessions > 0) see(start.time, start.time);
  for (const part of parts) see(part.time, part.maxStart);
  for (const part of traceParts) see(part.time, part.time);
  const factsByBucket = groupParts(parts, (part) => startOf(part.time));
  return seriesBucketStarts(range, earliest, latest, bucket, timeZone).map((start) => {
    const inBucket = factsByBucket.get(start) ?? emptyTotals();
    return {
      bucketStart: start,
      sessions: sessionsByBucket.get(start) ?? 0,
      traces: traceTotals.get(start) ?? 0,
      observations: inBucket.calls,
      generations: inBucket.generations,
      errors: inBucket.errors,
      cost: inBucket.cost,
      tokens: { ...inBucket.tokens },
      avgLatencyMs: meanLatency(inBucket),
      latencyP50Ms: inBucket.sketch.quantile(50),
      latencyP95Ms: inBucket.sketch.quantile(95),
    };
  });
}

/** The KPIs alone of one period: what the dashboard compares its period with. */
async function readKpis(
  db: Db,
  range: TimeRange,
  preset: DashboardPreset,
  now: EpochMs,
): Promise<DashboardKpis> {
  const scope = await sessionScope(db, range, preset, now, false);
  const parts = await readFactParts(db, { range, sketches: true, acrossAgents: true });
  const traceParts = await readTraceParts(db, range, false);
  return kpisOf(scope, parts, traceParts);
}

/** The KPIs of a session scope, the fact parts (with sketches) and the trace parts of a period. */
function kpisOf(
  scope: SessionScope,
  factParts: readonly FactPart[],
  traceParts: readonly TracePart[],
): DashboardKpis {
  const totals = groupParts(factParts, () => 0).get(0) ?? emptyTotals();
  let traces = 0;
  let traceLatencyCount = 0;
  let traceLatencySum = 0;
  for (const part of traceParts) {
    traces += part.traces;
    traceLatencyCount += part.latencyCount;
    traceLatencySum += part.latencySum;
  }
  return {
    sessions: scope.total,
    users: scope.uniqueUsers,
    traces,
    observations: totals.calls,
    generations: totals.generations,
    cost: totals.cost,
    tokens: { ...totals.tokens },
    errors: totals.errors,
    errorRate: totals.calls === 0 ? 0 : totals.errors / totals.calls,
    avgLatencyMs: meanLatency(totals),
    p95LatencyMs: totals.latencyCount === 0 ? null : totals.sketch.quantile(95),
    avgTraceLatencyMs: traceLatencyCount === 0 ? null : traceLatencySum / traceLatencyCount,
    completedSessions: scope.byStatus.completed,
    completionRate: scope.total === 0 ? 0 : scope.byStatus.completed / scope.total,
    avgSessionDurationMs: scope.total === 0 ? null : scope.durationSum / scope.total,
    avgSessionCost: scope.total === 0 ? null : scope.cost / scope.total,
  };
}
