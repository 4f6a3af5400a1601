import type { DashboardPreset } from '../../presets/types';
import { bucketStart } from '../../semantics/buckets';
import { chapterFunnel } from '../../semantics/chapters';
import { nearestRank } from '../../semantics/percentiles';
import { inTimeRange } from '../../semantics/time-range';
import type { BucketSize, TimeRange } from '../../store/common';
import type {
  DashboardKpis,
  DashboardMetrics,
  DashboardTimeSeriesPoint,
} from '../../store/dashboard';
import type { ResolvedDashboardParams } from '../../store/query-checks';
import type { SessionRow } from '../../store/sessions';
import { factsInRange, listAgents, modelUsage } from './agent-queries';
import { groupBy, mean, totalFacts } from './aggregate-facts';
import type { DerivedData, ObservationFact, TraceAggregate } from './derive';
import { seriesBuckets } from './series';
import { sessionsInRange } from './session-queries';

/** The dashboard for one period, and the KPIs of the previous one when asked for. */
export function dashboardMetrics(
  derived: DerivedData,
  preset: DashboardPreset,
  params: ResolvedDashboardParams,
): DashboardMetrics {
  const { range, bucket } = params;
  const sessions = sessionsInRange(derived, preset, range, params.now);
  const traces = tracesInRange(derived, range);
  const facts = factsInRange(derived, range);
  const previous = params.previousRange;
  return {
    kpis: kpis(sessions, traces, facts),
    previousKpis:
      previous === undefined
        ? null
        : kpis(
            sessionsInRange(derived, preset, previous, params.now),
            tracesInRange(derived, previous),
            factsInRange(derived, previous),
          ),
    timeSeries: timeSeries(sessions, traces, facts, range, bucket, params.timeZone),
    topAgents: listAgents(derived, preset, range).slice(0, params.topAgentsLimit),
    costByModel: modelUsage(facts),
    funnel: chapterFunnel(
      sessions.map((session) => session.chapterReached),
      preset,
    ),
  };
}

function tracesInRange(derived: DerivedData, range: TimeRange | undefined): TraceAggregate[] {
  return [...derived.traces.values()].filter((trace) => inTimeRange(trace.timestamp, range));
}

function kpis(
  sessions: readonly SessionRow[],
  traces: readonly TraceAggregate[],
  facts: readonly ObservationFact[],
): DashboardKpis {
  const totals = totalFacts(facts);
  const completed = sessions.filter((session) => session.status === 'completed').length;
  const users = new Set(sessions.flatMap((session) => session.userId ?? []));
  const traceLatencies = traces.flatMap((trace) => trace.latencyMs ?? []);
  return {
    sessions: sessions.length,
    users: users.size,
    traces: traces.length,
    observations: totals.calls,
    generations: facts.filter((fact) => fact.record.type === 'GENERATION').length,
    cost: totals.cost,
    tokens: totals.tokens,
    errors: totals.errors,
    errorRate: totals.calls === 0 ? 0 : totals.errors / totals.calls,
    avgLatencyMs: mean(totals.latencies),
    p95LatencyMs: nearestRank(totals.latencies, 95),
    avgTraceLatencyMs: mean(traceLatencies),
    completedSessions: completed,
    completionRate: sessions.length === 0 ? 0 : completed / sessions.length,
    avgSessionDurationMs: mean(sessions.map((session) => session.durationMs)),
    avgSessionCost: mean(sessions.map((session) => session.cost)),
  };
}

function timeSeries(
  sessions: readonly SessionRow[],
  traces: readonly TraceAggregate[],
  facts: readonly ObservationFact[],
  range: TimeRange | undefined,
  bucket: BucketSize,
  zone: string,
): DashboardTimeSeriesPoint[] {
  const times = [
    ...sessions.map((session) => session.startedAt),
    ...traces.map((trace) => trace.timestamp),
    ...facts.map((fact) => fact.record.startTime),
  ];
  const startOf = (time: number) => bucketStart(time, bucket, zone);
  const sessionsByBucket = groupBy(sessions, (session) => startOf(session.startedAt));
  const tracesByBucket = groupBy(traces, (trace) => startOf(trace.timestamp));
  const factsByBucket = groupBy(facts, (fact) => startOf(fact.record.startTime));
  return seriesBuckets(range, times, bucket, zone).map((start) => {
    const inBucket = factsByBucket.get(start) ?? [];
    const totals = totalFacts(inBucket);
    return {
      bucketStart: start,
      sessions: sessionsByBucket.get(start)?.length ?? 0,
      traces: tracesByBucket.get(start)?.length ?? 0,
      observations: totals.calls,
      generations: inBucket.filter((fact) => fact.record.type === 'GENERATION').length,
      errors: totals.errors,
      cost: totals.cost,
      tokens: totals.tokens,
      avgLatencyMs: mean(totals.latencies),
      latencyP50Ms: nearestRank(totals.latencies, 50),
      latencyP95Ms: nearestRank(totals.latencies, 95),
    };
  });
}
