import type { DashboardPreset } from '../presets/types';
import type { BucketSize } from '../store/common';
import type { DashboardMetrics } from '../store/dashboard';
import { compareKpis } from './kpis';
import { agentSummaryToWire } from './map-agents';
import { funnelStepToWire, iso, modelUsageToWire, tokensToWire } from './map-common';
import { periodToWire, type ResolvedPeriod } from './period';
import type { DashboardMetricsWire } from './wire/metrics';

/**
 * The dashboard answer on the wire: the period's metrics, each KPI beside the previous period's
 * (null when there is none); the service adds the headline scores.
 */
export function dashboardMetricsToWire(
  current: DashboardMetrics,
  period: ResolvedPeriod,
  series: { bucket: BucketSize; timeZone: string },
  preset: DashboardPreset,
): Omit<DashboardMetricsWire, 'scores'> {
  return {
    time_range: period.timeRange,
    period: periodToWire(period.range),
    previous_period: period.previous === null ? null : periodToWire(period.previous),
    bucket: series.bucket,
    time_zone: series.timeZone,
    kpis: compareKpis(current.kpis, current.previousKpis),
    time_series: current.timeSeries.map((point) => ({
      bucket_start: iso(point.bucketStart),
      sessions: point.sessions,
      traces: point.traces,
      observations: point.observations,
      generations: point.generations,
      errors: point.errors,
      cost: point.cost,
      tokens: tokensToWire(point.tokens),
      avg_latency_ms: point.avgLatencyMs,
      p50_latency_ms: point.latencyP50Ms,
      p95_latency_ms: point.latencyP95Ms,
    })),
    top_agents: current.topAgents.map((agent) => agentSummaryToWire(agent, preset)),
    cost_by_model: current.costByModel.map(modelUsageToWire),
    chapter_funnel: current.funnel.map(funnelStepToWire),
  };
}
