import type { ObservationRecord } from '@cupid-dashboard/core';

/** What a legacy trace row derives from its observations. */
export interface TraceMetrics {
  /** Observation ids in serving order (newest first). */
  observationIds: string[];
  observations: ObservationRecord[];
  /** Seconds from the first start to the last end (an unfinished observation counts its start). */
  latencySeconds: number;
  /** Sum of the observations' total cost in USD. */
  totalCost: number;
}

/** A trace without observations: Langfuse reports 0 latency and 0 cost, not null. */
export const EMPTY_TRACE_METRICS: TraceMetrics = Object.freeze({
  observationIds: [],
  observations: [],
  latencySeconds: 0,
  totalCost: 0,
}) as TraceMetrics;

/**
 * Groups observations (already in serving order) by trace and computes latency and cost, the way
 * Langfuse aggregates them for its trace list.
 */
export function computeTraceMetrics(
  observations: readonly ObservationRecord[],
): Map<string, TraceMetrics> {
  const groups = new Map<string, { metrics: TraceMetrics; minStart: number; maxEnd: number }>();
  for (const observation of observations) {
    if (observation.traceId === null) continue;
    let group = groups.get(observation.traceId);
    if (!group) {
      group = {
        metrics: { observationIds: [], observations: [], latencySeconds: 0, totalCost: 0 },
        minStart: Number.POSITIVE_INFINITY,
        maxEnd: Number.NEGATIVE_INFINITY,
      };
      groups.set(observation.traceId, group);
    }
    group.metrics.observationIds.push(observation.id);
    group.metrics.observations.push(observation);
    group.metrics.totalCost += observation.totalCost ?? 0;
    group.minStart = Math.min(group.minStart, observation.startTime);
    group.maxEnd = Math.max(group.maxEnd, observation.endTime ?? observation.startTime);
  }
  const result = new Map<string, TraceMetrics>();
  for (const [traceId, group] of groups) {
    group.metrics.latencySeconds = (group.maxEnd - group.minStart) / 1000;
    result.set(traceId, group.metrics);
  }
  return result;
}
