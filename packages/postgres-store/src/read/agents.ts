import {
  type AgentDetail,
  type AgentSummary,
  type AgentTimeSeriesPoint,
  bucketStart,
  buildAgentSummary,
  compareIds,
  type DashboardPreset,
  type ModelUsage,
  type ResolvedAgentQuery,
  type ResolvedAgentTimeSeriesParams,
  seriesBucketStarts,
  seriesNeedsHours,
  type TimeRange,
  timeBounds,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Db } from '../db/types';
import { firstCallsFrom, firstCallsQuery, readFirstCallSessions } from './bucket-totals';
import {
  addSketches,
  type FactKey,
  type FactQuery,
  type FactTotals,
  factTotalsFrom,
  factTotalsQuery,
  latencyOf,
  readFactTotals,
  regroupByBucket,
  sketchesQuery,
} from './fact-totals';
import { whereObserved } from './facts';
import { type JsonArrays, readJsonArrays } from './json-arrays';

/**
 * The latest call in range of each agent: one backward step of the (name, start time) index
 * per agent, exact whatever rollup rows the range reads.
 */
async function lastSeen(
  db: Db,
  names: readonly string[],
  range: TimeRange | undefined,
): Promise<Map<string, number | null>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom(sql<{ name: string }>`(select unnest(${names}::text[]) as name)`.as('agents'))
    .select((eb) => [
      'agents.name',
      whereObserved(eb.selectFrom('observations'), range)
        .select((inner) => inner.fn.max('observations.start_time').as('last'))
        .whereRef('observations.name', '=', sql.ref<string>('agents.name'))
        .as('last'),
    ])
    .execute();
  return new Map(rows.map((row) => [row.name, toNumberOrNull(row.last ?? null)]));
}

/** What an agent summary is made of besides its call totals. */
export interface AgentExtras {
  /** Sessions by agent (first call in range). */
  sessions: ReadonlyMap<string, number>;
  /** Latest call in range by agent. */
  last: ReadonlyMap<string, number | null>;
}

/** Agent summaries from their totals, by calls descending then name ascending. */
export function summariesFrom(
  totals: ReadonlyMap<FactKey, FactTotals>,
  { sessions, last }: AgentExtras,
  preset: DashboardPreset,
): AgentSummary[] {
  return [...totals]
    .filter((entry): entry is [string, FactTotals] => entry[0] !== null)
    .map(([name, facts]) =>
      buildAgentSummary(preset, {
        name,
        calls: facts.calls,
        errors: facts.errors,
        cost: facts.cost,
        tokens: facts.tokens,
        latency: latencyOf(facts),
        sessions: sessions.get(name) ?? 0,
        lastSeenAt: last.get(name) ?? null,
      }),
    )
    .sort((a, b) => b.calls - a.calls || compareIds(a.name, b.name));
}

/** Agent summaries from their totals, reading their sessions and latest calls. */
async function summaries(
  db: Db,
  totals: ReadonlyMap<FactKey, FactTotals>,
  range: TimeRange | undefined,
  preset: DashboardPreset,
  agent?: string,
): Promise<AgentSummary[]> {
  const names = [...totals.keys()].filter((name): name is string => name !== null);
  const sessions = await readFirstCallSessions(db, range, agent);
  const last = await lastSeen(db, names, range);
  return summariesFrom(totals, { sessions, last }, preset);
}

/** Every agent with a call in range, by calls descending then name ascending, in one statement. */
export async function listAgents(
  db: Db,
  range: TimeRange | undefined,
  preset: DashboardPreset,
): Promise<AgentSummary[]> {
  return agentsFrom(await readJsonArrays(db, agentSelects(db, range)), preset);
}

/** The selects of the agents with a call in range: totals with latest call, sketches, sessions. */
export function agentSelects(db: Db, range: TimeRange | undefined) {
  const byAgent: FactQuery = { range, group: 'agent' };
  return {
    agents: withLastSeen(db, factTotalsQuery(db, byAgent), range),
    agentSketches: sketchesQuery(db, byAgent),
    firstCalls: firstCallsQuery(db, range),
  };
}

/** The agent summaries from the rows of {@link agentSelects}. */
export function agentsFrom(
  rows: JsonArrays<ReturnType<typeof agentSelects>>,
  preset: DashboardPreset,
): AgentSummary[] {
  const totals = factTotalsFrom('agent', rows.agents);
  addSketches('agent', rows.agentSketches, totals);
  const last = new Map(rows.agents.map((row) => [String(row.key), toNumberOrNull(row.last)]));
  return summariesFrom(totals, { sessions: firstCallsFrom(rows.firstCalls), last }, preset);
}

/** Each agent's totals with its latest call in range: one backward step of (name, start time). */
function withLastSeen(
  db: Db,
  totals: ReturnType<typeof factTotalsQuery>,
  range: TimeRange | undefined,
) {
  if (totals === null) return null;
  return db
    .selectFrom(totals.as('agent_totals'))
    .selectAll('agent_totals')
    .select((eb) =>
      whereObserved(eb.selectFrom('observations'), range)
        .select((inner) => inner.fn.max('observations.start_time').as('last'))
        .whereRef('observations.name', '=', sql.ref<string>('agent_totals.key'))
        .as('last'),
    );
}

/** Cost and tokens by model of the observations in range (of one agent, when named). */
export async function modelUsage(
  db: Db,
  range: TimeRange | undefined,
  order: 'cost' | 'calls',
  agent?: string,
): Promise<ModelUsage[]> {
  return modelUsageFrom(await readFactTotals(db, modelQuery(range, agent)), order);
}

/** The fact query of {@link modelUsage}. */
export function modelQuery(range: TimeRange | undefined, agent?: string): FactQuery {
  return { range, group: 'model', withModel: true, agent };
}

/** Model usage from fact totals by model, by `order` descending then model ascending. */
export function modelUsageFrom(
  totals: ReadonlyMap<FactKey, FactTotals>,
  order: 'cost' | 'calls',
): ModelUsage[] {
  return [...totals]
    .filter((entry): entry is [string, FactTotals] => entry[0] !== null)
    .map(([model, facts]) => ({
      model,
      calls: facts.calls,
      cost: facts.cost,
      tokens: { ...facts.tokens },
    }))
    .sort((a, b) => b[order] - a[order] || compareIds(a.model, b.model));
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
  query: ResolvedAgentQuery,
  preset: DashboardPreset,
): Promise<AgentDetail | null> {
  const { name, range } = query;
  if (!(await agentIsKnown(db, name))) return null;
  const totals = await readFactTotals(db, { range, group: 'agent', agent: name, sketches: true });
  const [summary] = await summaries(db, totals, range, preset, name);
  const errors = whereObserved(db.selectFrom('observations'), range)
    .where('name', '=', name)
    .where('is_error', '=', true)
    .select(['id', 'trace_id', 'eff_session_id', 'start_time', 'status_message', 'model'])
    .orderBy('start_time', 'desc')
    .orderBy('id', 'asc')
    .limit(query.recentErrorsLimit);
  return {
    ...(summary ??
      buildAgentSummary(preset, {
        name,
        calls: 0,
        errors: 0,
        cost: 0,
        tokens: { input: 0, output: 0, total: 0 },
        latency: { avgMs: null, p50Ms: null, p95Ms: null, p99Ms: null },
        sessions: 0,
        lastSeenAt: null,
      })),
    models: await modelUsage(db, range, 'calls', name),
    recentErrors: (await errors.execute()).map((row) => ({
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
  query: ResolvedAgentTimeSeriesParams,
): Promise<AgentTimeSeriesPoint[] | null> {
  const { name, range, bucket, timeZone } = query;
  const read = seriesNeedsHours(bucket, timeZone) ? 'hour' : 'day';
  const facts: FactQuery = { range, group: read, agent: name };
  // Whether it ever ran, its totals and its sketches: one statement.
  const rows = await readJsonArrays(db, {
    known: db.selectFrom('observations').select('id').where('name', '=', name).limit(1),
    facts: factTotalsQuery(db, facts),
    sketches: sketchesQuery(db, facts),
  });
  if (rows.known.length === 0) return null;
  const totals = factTotalsFrom(read, rows.facts);
  addSketches(read, rows.sketches, totals);
  const byBucket = regroupByBucket(totals, (time) => bucketStart(time, bucket, timeZone));
  // A bucket's start stands in for its calls' times: both give the same series.
  const { earliest, latest } = timeBounds(byBucket.keys());
  return seriesBucketStarts(range, earliest, latest, bucket, timeZone).map((start) => {
    const facts = byBucket.get(start);
    const latency = facts ? latencyOf(facts) : null;
    return {
      bucketStart: start,
      calls: facts?.calls ?? 0,
      errors: facts?.errors ?? 0,
      latencyP50Ms: latency?.p50Ms ?? null,
      latencyP95Ms: latency?.p95Ms ?? null,
      cost: facts?.cost ?? 0,
      tokens: facts ? { ...facts.tokens } : { input: 0, output: 0, total: 0 },
    };
  });
}
