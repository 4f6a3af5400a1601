import type { ObservationRecord, SessionRecord, TraceRecord } from '@cupid-dashboard/core';
import type { TraceMetrics } from '../data/trace-metrics';
import { internalModelId, isoOrNull, secondsBetween, unitPrice } from './values';

/** JSON object as sent on the wire. */
export type JsonObject = Record<string, unknown>;

/** A legacy `Session`. */
export function legacySession(session: SessionRecord, projectId: string): JsonObject {
  return {
    id: session.id,
    createdAt: isoOrNull(session.createdAt),
    projectId,
    environment: session.environment,
  };
}

/** Trace field groups of the legacy trace endpoints (all of them when `fields` is absent). */
export type LegacyTraceGroup = 'core' | 'io' | 'scores' | 'observations' | 'metrics';

/** A legacy `Trace` (without the list or detail extras). */
export function legacyTraceBase(
  trace: TraceRecord,
  groups: ReadonlySet<LegacyTraceGroup>,
): JsonObject {
  const body: JsonObject = {
    id: trace.id,
    timestamp: isoOrNull(trace.timestamp),
    name: trace.name,
    sessionId: trace.sessionId,
    release: trace.release,
    version: trace.version,
    userId: trace.userId,
    tags: trace.tags,
    public: false,
    environment: trace.environment,
  };
  if (groups.has('io')) {
    body.input = trace.input ?? null;
    body.output = trace.output ?? null;
    body.metadata = trace.metadata ?? null;
  }
  return body;
}

/**
 * A `TraceWithDetails` row of the trace list: latency (s) and totalCost (USD) from the trace's
 * observations, -1 for both when the `metrics` group is excluded, as Langfuse documents.
 */
export function legacyTraceListItem(
  trace: TraceRecord,
  metrics: TraceMetrics,
  groups: ReadonlySet<LegacyTraceGroup>,
  projectId: string,
): JsonObject {
  const withMetrics = groups.has('metrics');
  return {
    ...legacyTraceBase(trace, groups),
    htmlPath: `/project/${projectId}/traces/${trace.id}`,
    latency: withMetrics ? metrics.latencySeconds : -1,
    totalCost: withMetrics ? metrics.totalCost : -1,
    observations: groups.has('observations') ? metrics.observationIds : [],
    scores: [],
  };
}

/** A legacy `ObservationsView`: v1 observation fields plus prices and metrics as numbers. */
export function legacyObservationView(observation: ObservationRecord): JsonObject {
  const { usageDetails, costDetails } = observation;
  return {
    id: observation.id,
    traceId: observation.traceId,
    type: observation.type,
    name: observation.name,
    startTime: isoOrNull(observation.startTime),
    endTime: isoOrNull(observation.endTime),
    completionStartTime: isoOrNull(observation.completionStartTime),
    model: observation.model,
    modelParameters: {},
    input: observation.input ?? null,
    version: null,
    metadata: observation.metadata,
    output: observation.output ?? null,
    usage: {
      input: usageDetails.input ?? 0,
      output: usageDetails.output ?? 0,
      total: usageDetails.total ?? 0,
      unit: 'TOKENS',
      inputCost: costDetails.input ?? null,
      outputCost: costDetails.output ?? null,
      totalCost: observation.totalCost,
    },
    level: observation.level,
    statusMessage: observation.statusMessage,
    parentObservationId: observation.parentObservationId,
    promptId: null,
    usageDetails,
    costDetails,
    environment: observation.environment,
    promptName: null,
    promptVersion: null,
    modelId: internalModelId(observation.model),
    inputPrice: unitPrice(costDetails, usageDetails, 'input'),
    outputPrice: unitPrice(costDetails, usageDetails, 'output'),
    totalPrice: null,
    calculatedInputCost: costDetails.input ?? null,
    calculatedOutputCost: costDetails.output ?? null,
    calculatedTotalCost: observation.totalCost,
    latency: secondsBetween(observation.startTime, observation.endTime),
    timeToFirstToken: secondsBetween(observation.startTime, observation.completionStartTime),
  };
}
