import { compareByStart } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import type { AgentFirstTable, SessionAggTable } from '../db/schema';
import type { Db } from '../db/types';
import { AgentSessionDeltas } from './agent-sessions';
import type { BatchIndex } from './batch-index';
import { insertAgentFirsts, upsertSessionAggregates } from './inserts';
import type { SearchChanges } from './search-changes';
import { SESSION_FACT_COLUMNS, SessionRollupDeltas } from './session-rollups';
import { writeSessionSearch } from './session-search';

interface ObservationSlice {
  eff_session_id: string | null;
  id: string;
  trace_id: string | null;
  type: string;
  name: string | null;
  user_id: string | null;
  start_time: number;
  end_time: number | null;
  chapter: number | null;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  is_error: number;
}

type SessionValues = Omit<SessionAggTable, 'rowid'>;

/**
 * Recomputes the aggregates of the given sessions from their records (one query per table for
 * a whole slice of sessions), the first call of each agent in them, and their search text.
 * Sessions nothing links to any more are removed.
 *
 * The rules are those of `SessionRow`: a session is known through its record, traces or
 * observations (effective session); it starts at the earliest and ends at the latest of their
 * times; its user is its earliest trace's, else its earliest observation's.
 *
 * @returns the change in the number of known sessions
 */
export async function refreshSessions(
  db: Db,
  ids: readonly string[],
  search: SearchChanges,
  batch: BatchIndex | null,
): Promise<number> {
  let knownDelta = 0;
  const agentSessions = new AgentSessionDeltas();
  const sessionRollups = new SessionRollupDeltas();
  for (const slice of chunks(ids, 400)) {
    const stored = await db
      .selectFrom('session_agg')
      .select(['rowid', 'id', 'user_id', ...SESSION_FACT_COLUMNS, 'first_calls'])
      .where('id', 'in', slice)
      .execute();
    const storedById = new Map(stored.map((row) => [row.id, row]));
    // Unknown before this batch and not re-linked: every record of it is in the batch.
    const inBatch = (id: string) =>
      batch !== null && !storedById.has(id) && search.get(id)?.rebuild !== true;
    const fromDb = slice.filter((id) => !inBatch(id));
    const dbIds = new Set(fromDb);
    const sources = await readSources(db, fromDb);
    if (batch) {
      for (const id of slice) {
        if (dbIds.has(id)) continue;
        const createdAt = batch.sessionCreatedAt.get(id);
        if (createdAt !== undefined) sources.createdAt.set(id, createdAt);
        const traces = batch.tracesBySession.get(id);
        if (traces) sources.traces.set(id, traces);
        const observations = batch.observationsBySession.get(id);
        if (observations) sources.observations.set(id, observations);
      }
    }
    const bySession = sources.observations;
    const tracesBySession = sources.traces;
    const createdAt = sources.createdAt;

    const upserts: SessionValues[] = [];
    const removed: string[] = [];
    const firstRows: AgentFirstTable[] = [];
    const staleFirsts: AgentFirstTable[] = [];
    for (const id of slice) {
      const sessionObservations = [...(bySession.get(id) ?? [])].sort((a, b) =>
        compareByStart(
          { startTime: a.start_time, id: a.id },
          { startTime: b.start_time, id: b.id },
        ),
      );
      const values = aggregate(
        id,
        createdAt.get(id),
        tracesBySession.get(id) ?? [],
        sessionObservations,
      );
      const storedRow = storedById.get(id);
      const after = firstCalls(sessionObservations);
      if (values) values.first_calls = JSON.stringify(Object.fromEntries(after));
      if (storedRow) sessionRollups.shift(storedRow, -1);
      if (values) {
        upserts.push(values);
        sessionRollups.shift(values, 1);
      } else if (storedRow) removed.push(id);
      knownDelta += (values ? 1 : 0) - (storedById.has(id) ? 1 : 0);

      // The stored first calls come with the session row, so nothing is read by session here.
      const before = new Map<string, number>(
        Object.entries(
          storedRow ? (JSON.parse(storedRow.first_calls) as Record<string, number>) : {},
        ),
      );
      for (const [agent, first] of before) {
        if (after.get(agent) === first) continue;
        agentSessions.shift(agent, first, -1);
        staleFirsts.push({ session_id: id, agent, first_start: first });
      }
      for (const [agent, first] of after) {
        if (before.get(agent) === first) continue;
        agentSessions.shift(agent, first, 1);
        firstRows.push({ session_id: id, agent, first_start: first });
      }
    }

    for (const row of staleFirsts) {
      await db
        .deleteFrom('agent_first')
        .where('first_start', '=', row.first_start)
        .where('agent', '=', row.agent)
        .where('session_id', '=', row.session_id)
        .execute();
    }
    await insertAgentFirsts(db, firstRows);
    const rowids = new Map<string, number>();
    for (const row of await upsertSessionAggregates(db, upserts)) rowids.set(row.id, row.rowid);
    if (removed.length > 0) await db.deleteFrom('session_agg').where('id', 'in', removed).execute();
    await writeSessionSearch(db, {
      sessions: upserts.map((values) => ({
        id: values.id,
        userId: values.user_id,
        rowid: rowids.get(values.id) as number,
        stored: storedById.get(values.id) ?? null,
      })),
      removedRowids: removed.map((id) => storedById.get(id)?.rowid as number),
      search,
    });
  }
  await agentSessions.apply(db);
  await sessionRollups.apply(db);
  return knownDelta;
}

function aggregate(
  id: string,
  createdAt: number | undefined,
  traces: readonly { id: string; timestamp: number; user_id: string | null }[],
  observations: readonly ObservationSlice[],
): SessionValues | null {
  if (createdAt === undefined && traces.length === 0 && observations.length === 0) return null;
  let startedAt = Number.POSITIVE_INFINITY;
  let lastActivityAt = Number.NEGATIVE_INFINITY;
  const see = (start: number, end: number) => {
    if (start < startedAt) startedAt = start;
    if (end > lastActivityAt) lastActivityAt = end;
  };
  if (createdAt !== undefined) see(createdAt, createdAt);
  const traceIds = new Set<string>();
  let userId: string | null = null;
  let userTrace: { timestamp: number; id: string } | null = null;
  for (const trace of traces) {
    see(trace.timestamp, trace.timestamp);
    traceIds.add(trace.id);
    if (
      trace.user_id !== null &&
      (userTrace === null ||
        trace.timestamp < userTrace.timestamp ||
        (trace.timestamp === userTrace.timestamp && trace.id < userTrace.id))
    ) {
      userTrace = trace;
      userId = trace.user_id;
    }
  }
  const values: SessionValues = {
    id,
    user_id: null,
    started_at: 0,
    last_activity_at: 0,
    duration_ms: 0,
    trace_count: 0,
    generation_count: 0,
    observation_count: observations.length,
    chapter_reached: null,
    cost: 0,
    tokens_input: 0,
    tokens_output: 0,
    tokens_total: 0,
    error_count: 0,
    first_calls: '{}',
  };
  // Observations come sorted by start time then id, as the reference sums them.
  for (const row of observations) {
    see(row.start_time, Math.max(row.start_time, row.end_time ?? row.start_time));
    if (row.trace_id !== null) traceIds.add(row.trace_id);
    if (row.type === 'GENERATION') values.generation_count++;
    if (
      row.chapter !== null &&
      (values.chapter_reached === null || row.chapter > values.chapter_reached)
    ) {
      values.chapter_reached = row.chapter;
    }
    values.cost += row.cost;
    values.tokens_input += row.tokens_input;
    values.tokens_output += row.tokens_output;
    values.tokens_total += row.tokens_total;
    values.error_count += row.is_error;
    if (userId === null && row.user_id !== null) userId = row.user_id;
  }
  values.user_id = userId;
  values.started_at = startedAt;
  values.last_activity_at = lastActivityAt;
  values.duration_ms = lastActivityAt - startedAt;
  values.trace_count = traceIds.size;
  return values;
}

/** Agent → start of its first call, over observations sorted by start. */
function firstCalls(observations: readonly ObservationSlice[]): Map<string, number> {
  const firsts = new Map<string, number>();
  for (const row of observations) {
    if (row.name !== null && !firsts.has(row.name)) firsts.set(row.name, row.start_time);
  }
  return firsts;
}

function groupRows<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

interface Sources {
  observations: Map<string, ObservationSlice[]>;
  traces: Map<string, Array<{ id: string; timestamp: number; user_id: string | null }>>;
  createdAt: Map<string, number>;
}

/** Reads everything linked to some sessions: observations, traces and records. */
async function readSources(db: Db, ids: readonly string[]): Promise<Sources> {
  if (ids.length === 0) {
    return { observations: new Map(), traces: new Map(), createdAt: new Map() };
  }
  const observations = await db
    .selectFrom('observations')
    .select([
      'eff_session_id',
      'id',
      'trace_id',
      'type',
      'name',
      'user_id',
      'start_time',
      'end_time',
      'chapter',
      'cost',
      'tokens_input',
      'tokens_output',
      'tokens_total',
      'is_error',
    ])
    .where('eff_session_id', 'in', ids)
    .execute();
  const traces = await db
    .selectFrom('traces')
    .select(['session_id', 'id', 'timestamp', 'user_id'])
    .where('session_id', 'in', ids)
    .execute();
  const records = await db
    .selectFrom('sessions')
    .select(['id', 'created_at'])
    .where('id', 'in', ids)
    .execute();
  return {
    observations: groupRows(observations, (row) => row.eff_session_id),
    traces: groupRows(traces, (row) => row.session_id),
    createdAt: new Map(records.map((row) => [row.id, row.created_at])),
  };
}
