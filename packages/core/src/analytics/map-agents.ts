import type { DashboardPreset } from '../presets/types';
import type { AgentDetail, AgentSummary, AgentTimeSeriesPoint } from '../store/agents';
import { chapterName, iso, isoOrNull, modelUsageToWire, tokensToWire } from './map-common';
import type { AgentChartsWire, AgentDetailWire, AgentSummaryWire } from './wire/agents';

/** An agent on the wire, with its chapter from the preset. */
export function agentSummaryToWire(agent: AgentSummary, preset: DashboardPreset): AgentSummaryWire {
  const chapter = preset.agentChapters[agent.name] ?? null;
  return {
    name: agent.name,
    category: agent.category,
    chapter,
    chapter_name: chapterName(preset, chapter),
    calls: agent.calls,
    sessions: agent.sessions,
    errors: agent.errors,
    error_rate: agent.errorRate,
    avg_latency_ms: agent.latency.avgMs,
    p50_latency_ms: agent.latency.p50Ms,
    p95_latency_ms: agent.latency.p95Ms,
    p99_latency_ms: agent.latency.p99Ms,
    total_cost: agent.cost,
    tokens: tokensToWire(agent.tokens),
    last_seen: isoOrNull(agent.lastSeenAt),
  };
}

/** An agent's detail on the wire, without the period fields the service adds. */
export function agentDetailToWire(
  agent: AgentDetail,
  preset: DashboardPreset,
): Omit<AgentDetailWire, 'time_range' | 'period'> {
  return {
    ...agentSummaryToWire(agent, preset),
    models: agent.models.map(modelUsageToWire),
    recent_errors: agent.recentErrors.map((entry) => ({
      observation_id: entry.observationId,
      trace_id: entry.traceId,
      session_id: entry.sessionId,
      time: iso(entry.time),
      message: entry.message,
      model: entry.model,
    })),
  };
}

/** An agent's series points on the wire. */
export function agentPointsToWire(points: AgentTimeSeriesPoint[]): AgentChartsWire['points'] {
  return points.map((point) => ({
    bucket_start: iso(point.bucketStart),
    calls: point.calls,
    errors: point.errors,
    latency_p50_ms: point.latencyP50Ms,
    latency_p95_ms: point.latencyP95Ms,
    cost: point.cost,
    tokens: tokensToWire(point.tokens),
  }));
}
