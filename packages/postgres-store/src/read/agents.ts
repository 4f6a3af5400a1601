import {
  type AgentDetail,
  type AgentSummary,
  type AgentTimeSeriesPoint,
  BUCKET_MS,
  type BucketSize,
  buildAgentSummary,
  type DashboardPreset,
  type ModelUsage,
  seriesBucketStarts,
  type TimeRange,
  timeBounds,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { Db } from '../db/types';
import { bucketSql, FACT_TOTALS, toFactTotals, whereObserved } from './facts';

/** Sessions whose first call of each agent is in range. */
async function firstCallSessions(
  db: Db,
  range: TimeRange | undefined,
  agent?: string,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('agent_first')
    .select(['agent', sql<number>`count(*)::int`.as('sessions')])
    .groupBy('agent');
  if (agent !== undefined) query = query.where('agent', '=', agent);
  if (range?.from !== undefined) query = query.where('first_start', '>=', range.from);
  if (range?.to !== undefined) query = query.where('first_start', '<', range.to);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.agent, row.sessions]));
}

/** Every agent with a call in range, by calls descending then name ascending. */
export async function listAgents(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
): Promise<AgentSummary[]> {
  const rows = await whereObserved(db.selectFrom('observations'), range)
    .where('name', 'is not', null)
    .select(['name', ...FACT_TOTALS])
    .groupBy('name')
    .orderBy('calls', 'desc')
    .orderBy('name', 'asc')
    .execute();
  const sessions = await firstCallSessions(db, range);
  return rows.map((row) => {
    const name = row.name ?? '';
    return buildAgentSummary(preset, {
      ...toFactTotals(row),
      name,
      sessions: sessions.get(name) ?? 0,
    });
  });
}

/** Cost and tokens by model of the observations in range (of one agent, when named). */
export async function modelUsage(
  db: Db,
  range: TimeRange | undefined,
  order: 'cost' | 'calls',
  agent?: string,
): Promise<ModelUsage[]> {
  let query = whereObserved(db.selectFrom('observations'), range)
    .where('model', 'is not', null)
    .select(['model', ...FACT_TOTALS])
    .groupBy('model');
  if (agent !== undefined) query = query.where('name', '=', agent);
  const rows = await query.orderBy(order, 'desc').orderBy('model', 'asc').execute();
  return rows.map((row) => {
    const totals = toFactTotals(row);
    return {
      model: row.model ?? '',
      calls: totals.calls,
      cost: totals.cost,
      tokens: totals.tokens,
    };
  });
}

async function agentIsKnown(db: Db, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('observations')
    .select('id')
    .where('name', '=', name)
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
  if (!(await agentIsKnown(db, name))) return null;
  const totals = await whereObserved(db.selectFrom('observations'), range)
    .where('name', '=', name)
    .select(FACT_TOTALS)
    .executeTakeFirstOrThrow();
  const sessions = await firstCallSessions(db, range, name);
  const errors =
    params.recentErrorsLimit === 0
      ? []
      : await whereObserved(db.selectFrom('observations'), range)
          .where('name', '=', name)
          .where('is_error', '=', true)
          .select(['id', 'trace_id', 'eff_session_id', 'start_time', 'status_message', 'model'])
          .orderBy('start_time', 'desc')
          .orderBy('id', 'asc')
          .limit(params.recentErrorsLimit)
          .execute();
  return {
    ...buildAgentSummary(preset, {
      ...toFactTotals(totals),
      name,
      sessions: sessions.get(name) ?? 0,
    }),
    models: await modelUsage(db, range, 'calls', name),
    recentErrors: errors.map((row) => ({
      observationId: row.id,
      traceId: row.trace_id,
      sessionId: row.eff_session_id,
      time: toNumber(row.start_time),
      message: row.status_message,
      model: row.model,
    })),
  };
}

/** One agent's per-bucket series; null when it never ran. */
export async function getAgentTimeSeries(
  db: Db,
  params: { name: string; range: TimeRange | undefined; bucket: BucketSize },
): Promise<AgentTimeSeriesPoint[] | null> {
  const { name, range, bucket } = params;
  if (!(await agentIsKnown(db, name))) return null;
  const rows = await whereObserved(db.selectFrom('observations'), range)
    .where('name', '=', name)
    .select([bucketSql('start_time', BUCKET_MS[bucket]).as('bucket'), ...FACT_TOTALS])
    .groupBy('bucket')
    .execute();
  const byBucket = new Map(rows.map((row) => [toNumber(row.bucket), toFactTotals(row)]));
  // A bucket's start stands in for its earliest call: both give the same series.
  const { earliest } = timeBounds(byBucket.keys());
  const { latest } = timeBounds(rows.map((row) => toNumber(row.last_start ?? 0)));
  return seriesBucketStarts(range, earliest, latest, bucket).map((start) => {
    const totals = byBucket.get(start);
    return {
      bucketStart: start,
      calls: totals?.calls ?? 0,
      errors: totals?.errors ?? 0,
      latencyP50Ms: totals?.latency.p50Ms ?? null,
      latencyP95Ms: totals?.latency.p95Ms ?? null,
      cost: totals?.cost ?? 0,
      tokens: totals?.tokens ?? { input: 0, output: 0, total: 0 },
    };
  });
}
