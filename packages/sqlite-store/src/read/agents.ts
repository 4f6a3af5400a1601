import {
  type AgentDetail,
  type AgentSummary,
  type AgentTimeSeriesPoint,
  bucketStart,
  buildAgentSummary,
  compareIds,
  type DashboardPreset,
  type LatencySummary,
  type ModelUsage,
  type ResolvedAgentTimeSeriesParams,
  seriesBucketStarts,
  seriesNeedsHours,
  type TimeRange,
  timeBounds,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { agentSessionCounts } from './agent-sessions';
import {
  emptyTotals,
  type FactPart,
  type FactTotals,
  groupParts,
  meanLatency,
} from './fact-totals';
import { readFactParts } from './facts';

/** A latency summary from totals: exact mean, sketch percentiles. */
export function latencyOf(totals: FactTotals): LatencySummary {
  if (totals.latencyCount === 0) return { avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null };
  return {
    avgMs: meanLatency(totals),
    p50Ms: totals.sketch.quantile(50),
    p95Ms: totals.sketch.quantile(95),
    p99Ms: totals.sketch.quantile(99),
  };
}

/** One agent's summary from its totals. */
export function agentSummary(
  name: string,
  totals: FactTotals,
  sessions: number,
  preset: DashboardPreset,
): AgentSummary {
  return buildAgentSummary(preset, {
    name,
    calls: totals.calls,
    sessions,
    errors: totals.errors,
    latency: latencyOf(totals),
    cost: totals.cost,
    tokens: totals.tokens,
    lastSeenAt: totals.lastSeenAt,
  });
}

/** Agents with a call among some fact parts, by calls descending then name ascending. */
export async function summarizeAgents(
  db: Db,
  parts: readonly FactPart[],
  range: TimeRange | undefined,
  preset: DashboardPreset,
): Promise<AgentSummary[]> {
  const byAgent = groupParts(parts, (part) => part.agent);
  const sessions = await agentSessionCounts(db, range);
  return [...byAgent.entries()]
    .filter(([, totals]) => totals.calls > 0)
    .map(([name, totals]) => agentSummary(name, totals, sessions.get(name) ?? 0, preset))
    .sort((a, b) => b.calls - a.calls || compareIds(a.name, b.name));
}

/** Every agent with a call in range. */
export async function listAgents(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
): Promise<AgentSummary[]> {
  const parts = await readFactParts(db, { range, sketches: true });
  return summarizeAgents(db, parts, range, preset);
}

/** Model usage among fact parts, by cost descending then model ascending. */
export function modelUsageOf(parts: readonly FactPart[]): ModelUsage[] {
  return [...groupParts(parts, (part) => part.model, false).entries()]
    .filter(([, totals]) => totals.calls > 0)
    .map(([model, totals]) => ({
      model,
      calls: totals.calls,
      cost: totals.cost,
      tokens: { ...totals.tokens },
    }))
    .sort((a, b) => b.cost - a.cost || compareIds(a.model, b.model));
}

/** Whether the store has ever seen a call of the agent. */
export async function agentExists(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('rollup_day')
    .select('agent')
    .where('agent', '=', name)
    .where('has_agent', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One agent in detail; null when it never ran. */
export async function getAgent(
  db: Db,
  params: { name: string; range: TimeRange | undefined; recentErrorsLimit: number },
  preset: DashboardPreset,
): Promise<AgentDetail | null> {
  const { name, range } = params;
  if (!(await agentExists(db, name))) return null;
  const parts = await readFactParts(db, { range, agent: name, sketches: true });
  const totals = groupParts(parts, () => name).get(name);
  const sessions = (await agentSessionCounts(db, range, name)).get(name) ?? 0;
  const summary = agentSummary(name, totals ?? emptyTotals(), sessions, preset);
  const models = modelUsageOf(parts).sort(
    (a, b) => b.calls - a.calls || compareIds(a.model, b.model),
  );
  let errors = db
    .selectFrom('observations')
    .select(['id', 'trace_id', 'eff_session_id', 'start_time', 'status_message', 'model'])
    .where('is_error', '=', sql.lit(1))
    .where('name', '=', name);
  if (range?.from !== undefined) errors = errors.where('start_time', '>=', range.from);
  if (range?.to !== undefined) errors = errors.where('start_time', '<', range.to);
  const recent =
    params.recentErrorsLimit === 0
      ? []
      : await errors
          .orderBy('start_time', 'desc')
          .orderBy('id', 'asc')
          .limit(params.recentErrorsLimit)
          .execute();
  return {
    ...summary,
    models,
    recentErrors: recent.map((row) => ({
      observationId: row.id,
      traceId: row.trace_id,
      sessionId: row.eff_session_id,
      time: row.start_time,
      message: row.status_message,
      model: row.model,
    })),
  };
}

/** One agent's per-bucket series; null when it never ran. */
export async function getAgentTimeSeries(
  db: Db,
  params: ResolvedAgentTimeSeriesParams,
): Promise<AgentTimeSeriesPoint[] | null> {
  const { name, range, bucket, timeZone } = params;
  if (!(await agentExists(db, name))) return null;
  const hourly = seriesNeedsHours(bucket, timeZone);
  const parts = (await readFactParts(db, { range, agent: name, sketches: true, hourly })).filter(
    (part) => part.calls > 0,
  );
  const { earliest } = timeBounds(parts.map((part) => part.time));
  const { latest } = timeBounds(parts.map((part) => part.maxStart));
  const starts = seriesBucketStarts(range, earliest, latest, bucket, timeZone);
  const byBucket = groupParts(parts, (part) => bucketStart(part.time, bucket, timeZone));
  return starts.map((start) => {
    const totals = byBucket.get(start);
    return {
      bucketStart: start,
      calls: totals?.calls ?? 0,
      errors: totals?.errors ?? 0,
      latencyP50Ms: totals && totals.latencyCount > 0 ? totals.sketch.quantile(50) : null,
      latencyP95Ms: totals && totals.latencyCount > 0 ? totals.sketch.quantile(95) : null,
      cost: totals?.cost ?? 0,
      tokens: totals ? { ...totals.tokens } : { input: 0, output: 0, total: 0 },
    };
  });
}

/** Cost and tokens by model over observations with a model in range. */
export async function getModelUsage(db: Db, range: TimeRange | undefined): Promise<ModelUsage[]> {
  return modelUsageOf(await readFactParts(db, { range, withModel: true }));
}
