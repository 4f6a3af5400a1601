import type { DashboardPreset } from '../../presets/types';
import { buildAgentSummary } from '../../semantics/agents';
import { bucketStart } from '../../semantics/buckets';
import { compareIds } from '../../semantics/ids';
import { nearestRank } from '../../semantics/percentiles';
import { inTimeRange } from '../../semantics/time-range';
import type {
  AgentDetail,
  AgentSummary,
  AgentTimeSeriesPoint,
  ModelUsage,
} from '../../store/agents';
import type { BucketSize, TimeRange } from '../../store/common';
import { groupBy, latencySummary, totalFacts } from './aggregate-facts';
import type { DerivedData, ObservationFact } from './derive';
import { seriesBuckets } from './series';

/** Observations whose start time is in range. */
export function factsInRange(
  derived: DerivedData,
  range: TimeRange | undefined,
): ObservationFact[] {
  return derived.facts.filter((fact) => inTimeRange(fact.record.startTime, range));
}

/** One agent's summary over its calls in range. */
export function agentSummary(
  name: string,
  facts: readonly ObservationFact[],
  derived: DerivedData,
  preset: DashboardPreset,
  range: TimeRange | undefined,
): AgentSummary {
  const totals = totalFacts(facts);
  const firstCalls = derived.firstCalls.get(name) ?? new Map();
  let sessions = 0;
  for (const first of firstCalls.values()) if (inTimeRange(first, range)) sessions++;
  return buildAgentSummary(preset, {
    name,
    calls: totals.calls,
    sessions,
    errors: totals.errors,
    latency: latencySummary(totals.latencies),
    cost: totals.cost,
    tokens: totals.tokens,
    lastSeenAt: facts.reduce<number | null>(
      (latest, fact) =>
        latest === null ? fact.record.startTime : Math.max(latest, fact.record.startTime),
      null,
    ),
  });
}

/** Every agent with a call in range, by calls descending then name ascending. */
export function listAgents(
  derived: DerivedData,
  preset: DashboardPreset,
  range: TimeRange | undefined,
): AgentSummary[] {
  const byAgent = groupBy(factsInRange(derived, range), (fact) => fact.record.name);
  return [...byAgent.entries()]
    .map(([name, facts]) => agentSummary(name, facts, derived, preset, range))
    .sort((a, b) => b.calls - a.calls || compareIds(a.name, b.name));
}

/** Model usage of some observations, by cost descending then model ascending. */
export function modelUsage(facts: readonly ObservationFact[]): ModelUsage[] {
  return [...groupBy(facts, (fact) => fact.record.model).entries()]
    .map(([model, group]) => {
      const totals = totalFacts(group);
      return { model, calls: totals.calls, cost: totals.cost, tokens: totals.tokens };
    })
    .sort((a, b) => b.cost - a.cost || compareIds(a.model, b.model));
}

/** One agent in detail; null when it never ran. */
export function agentDetail(
  derived: DerivedData,
  preset: DashboardPreset,
  name: string,
  range: TimeRange | undefined,
  recentErrorsLimit: number,
): AgentDetail | null {
  if (!derived.agents.has(name)) return null;
  const facts = factsInRange(derived, range).filter((fact) => fact.record.name === name);
  const models = modelUsage(facts).sort(
    (a, b) => b.calls - a.calls || compareIds(a.model, b.model),
  );
  const recentErrors = facts
    .filter((fact) => fact.isError)
    .sort((a, b) => b.record.startTime - a.record.startTime || compareIds(a.record.id, b.record.id))
    .slice(0, recentErrorsLimit)
    .map(({ record, sessionId }) => ({
      observationId: record.id,
      traceId: record.traceId,
      sessionId,
      time: record.startTime,
      message: record.statusMessage,
      model: record.model,
    }));
  return { ...agentSummary(name, facts, derived, preset, range), models, recentErrors };
}

/** One agent's per-bucket series; null when it never ran. */
export function agentTimeSeries(
  derived: DerivedData,
  name: string,
  range: TimeRange | undefined,
  bucket: BucketSize,
  zone: string,
): AgentTimeSeriesPoint[] | null {
  if (!derived.agents.has(name)) return null;
  const facts = factsInRange(derived, range).filter((fact) => fact.record.name === name);
  const byBucket = groupBy(facts, (fact) => bucketStart(fact.record.startTime, bucket, zone));
  const starts = seriesBuckets(
    range,
    facts.map((fact) => fact.record.startTime),
    bucket,
    zone,
  );
  return starts.map((start) => {
    const totals = totalFacts(byBucket.get(start) ?? []);
    return {
      bucketStart: start,
      calls: totals.calls,
      errors: totals.errors,
      latencyP50Ms: nearestRank(totals.latencies, 50),
      latencyP95Ms: nearestRank(totals.latencies, 95),
      cost: totals.cost,
      tokens: totals.tokens,
    };
  });
}
