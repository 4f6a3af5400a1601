import {
  type DashboardPreset,
  type EntityCounts,
  type ObservationRecord,
  replacesStored,
  TouchedSet,
  type TraceRecord,
  type UpsertBatch,
  type UpsertResult,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import type { ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import { applyRollupDeltas } from './apply-rollups';
import { BatchIndex } from './batch-index';
import { addCounters } from './counters';
import { upsertObservations, upsertTraces } from './inserts';
import { RollupDeltas } from './rollup-deltas';
import {
  FACT_COLUMNS,
  factOfRow,
  fromJson,
  type ObservationFact,
  observationRow,
  sessionRow,
  traceRow,
} from './rows';
import { SearchChanges } from './search-changes';
import { generationSearchLines } from './search-lines';
import { refreshSessions } from './session-aggregates';
import { refreshTraces } from './trace-aggregates';
import { TraceChanges } from './trace-changes';

type StoredObservation = ObservationFact & {
  endTime: number | null;
  input: string | null;
  output: string | null;
};

/**
 * Writes one batch and everything derived from it, inside the caller's write transaction:
 * raw records under the version rule, re-linking of observations that follow a trace, rollup
 * deltas (old version out, new version in), trace and session aggregates and search text of
 * exactly the traces and sessions touched. Cost grows with the batch, not with the store.
 */
export async function upsertBatch(
  db: Db,
  batch: UpsertBatch,
  preset: DashboardPreset,
): Promise<UpsertResult> {
  const touched = new TouchedSet();
  const written: EntityCounts = { sessions: 0, traces: 0, observations: 0 };
  const skipped: EntityCounts = { sessions: 0, traces: 0, observations: 0 };
  const search = new SearchChanges();
  const traceChanges = new TraceChanges();
  const counters = { sessions: 0, traces: 0, observations: 0 };
  const index = new BatchIndex();

  // ── session records: the last upsert wins ─────────────────────────────────────────────
  const sessions = batch.sessions ?? [];
  if (sessions.length > 0) {
    const finals = new Map(sessions.map((record) => [record.id, record]));
    const stored = new Map<string, number>();
    for (const slice of chunks([...finals.keys()], 500)) {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'created_at'])
        .where('id', 'in', slice)
        .execute();
      for (const row of rows) stored.set(row.id, row.created_at);
    }
    for (const record of sessions) {
      touched.addSession(record.id);
      touched.addTime(record.createdAt);
      const before = stored.get(record.id);
      if (before !== undefined) touched.addTime(before);
      written.sessions++;
    }
    counters.sessions = [...finals.keys()].filter((id) => !stored.has(id)).length;
    for (const record of finals.values()) index.addSession(record.id, record.createdAt);
    for (const slice of chunks([...finals.values()], 2000)) {
      await db
        .insertInto('sessions')
        .values(slice.map(sessionRow))
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            created_at: eb.ref('excluded.created_at'),
            environment: eb.ref('excluded.environment'),
          })),
        )
        .execute();
    }
  }

  // ── traces ───────────────────────────────────────────────────────────────────────────
  const traces = batch.traces ?? [];
  if (traces.length > 0) {
    const stored = new Map<
      string,
      { sessionId: string | null; timestamp: number; updatedAt: number | null }
    >();
    for (const slice of chunks([...new Set(traces.map((t) => t.id))], 500)) {
      const rows = await db
        .selectFrom('traces')
        .select(['id', 'session_id', 'timestamp', 'updated_at'])
        .where('id', 'in', slice)
        .execute();
      for (const row of rows) {
        stored.set(row.id, {
          sessionId: row.session_id,
          timestamp: row.timestamp,
          updatedAt: row.updated_at,
        });
      }
    }
    const current = new Map<string, { updatedAt: number | null }>(stored);
    const finals = new Map<string, TraceRecord>();
    for (const trace of traces) {
      if (!replacesStored(trace, current.get(trace.id))) {
        skipped.traces++;
        continue;
      }
      written.traces++;
      current.set(trace.id, trace);
      finals.set(trace.id, trace);
      touched.addTrace(trace.id);
      touched.addSession(trace.sessionId);
      touched.addTime(trace.timestamp);
      traceChanges.addRecord(trace.id, trace.timestamp);
    }
    const moved: { id: string; from: string | null; to: string | null }[] = [];
    for (const trace of finals.values()) {
      const before = stored.get(trace.id);
      if (before) {
        touched.addSession(before.sessionId);
        touched.addTime(before.timestamp);
      } else counters.traces++;
      if ((before?.sessionId ?? null) !== trace.sessionId) {
        moved.push({ id: trace.id, from: before?.sessionId ?? null, to: trace.sessionId });
      }
    }
    const rows = [...finals.values()].map(traceRow);
    for (const row of rows) index.addTrace(row);
    await upsertTraces(db, rows);
    // Observations without a session of their own follow their trace to its new session.
    for (const slice of chunks(moved, 500)) {
      const relinked = await db
        .updateTable('observations')
        .set({
          eff_session_id: sql<
            string | null
          >`(select t.session_id from traces t where t.id = observations.trace_id)`,
        })
        .where(
          'trace_id',
          'in',
          slice.map((move) => move.id),
        )
        .where('session_id', 'is', null)
        .returning(['trace_id', 'name', 'model', 'start_time', 'eff_session_id'])
        .execute();
      const withObservations = new Set(relinked.map((row) => row.trace_id));
      for (const row of relinked) {
        touched.addObservation({
          effSessionId: row.eff_session_id,
          traceId: row.trace_id,
          name: row.name,
          model: row.model,
          startTime: row.start_time,
        });
      }
      for (const move of slice) {
        if (!withObservations.has(move.id)) continue;
        touched.addSession(move.from);
        search.rebuild(move.from);
        search.rebuild(move.to);
      }
    }
  }

  // ── observations ─────────────────────────────────────────────────────────────────────
  const observations = batch.observations ?? [];
  if (observations.length > 0) {
    const stored = new Map<string, StoredObservation>();
    for (const slice of chunks([...new Set(observations.map((o) => o.id))], 500)) {
      const rows = await db
        .selectFrom('observations')
        .select([...FACT_COLUMNS, 'end_time', 'input', 'output'])
        .where('id', 'in', slice)
        .execute();
      for (const row of rows)
        stored.set(row.id, {
          ...factOfRow(row),
          endTime: row.end_time,
          input: row.input,
          output: row.output,
        });
    }
    const traceSessions = await traceSessionsOf(db, observations);
    const current = new Map<string, { updatedAt: number | null }>(stored);
    const finals = new Map<string, { row: ObservationTable; record: ObservationRecord }>();
    for (const observation of observations) {
      const before = current.get(observation.id);
      if (!replacesStored(observation, before)) {
        skipped.observations++;
        continue;
      }
      written.observations++;
      const effSessionId =
        observation.sessionId ??
        (observation.traceId === null ? null : (traceSessions.get(observation.traceId) ?? null));
      const row = observationRow(observation, effSessionId, preset);
      current.set(observation.id, { updatedAt: observation.updatedAt });
      finals.set(observation.id, { row, record: observation });
      touched.addObservation(factOfRow(row));
    }

    const deltas = new RollupDeltas();
    for (const [id, { row, record }] of finals) {
      const after = factOfRow(row);
      const before = stored.get(id);
      const afterLines = generationSearchLines(record);
      if (before) {
        touched.addObservation(before);
        deltas.apply(before, -1);
        traceChanges.addObservation(before.traceId, before.startTime, before.endTime, -1);
        const beforeLines = generationSearchLines({
          type: before.type,
          input: fromJson(before.input),
          output: fromJson(before.output),
        });
        if (before.effSessionId === after.effSessionId && isSubset(beforeLines, afterLines)) {
          search.append(after.effSessionId, afterLines);
        } else {
          search.rebuild(before.effSessionId);
          search.rebuild(after.effSessionId);
        }
      } else {
        counters.observations++;
        search.append(after.effSessionId, afterLines);
      }
      deltas.apply(after, 1);
      traceChanges.addObservation(row.trace_id, row.start_time, row.end_time, 1);
    }

    const rows = [...finals.values()].map((entry) => entry.row);
    for (const row of rows) index.addObservation(row);
    await upsertObservations(db, rows);
    await applyRollupDeltas(db, deltas);
  }

  const derivedTraces = await refreshTraces(db, traceChanges);
  const derivedSessions = await refreshSessions(db, [...touched.sessionIds], search, index);
  await addCounters(db, {
    ...counters,
    derived_sessions: derivedSessions,
    derived_traces: derivedTraces,
  });
  return { written, skipped, touched: touched.toKeys() };
}

/** The session of each trace the batch's observations without a `sessionId` name. */
async function traceSessionsOf(
  db: Db,
  observations: readonly ObservationRecord[],
): Promise<Map<string, string | null>> {
  const ids = [
    ...new Set(
      observations.flatMap((o) => (o.sessionId === null && o.traceId !== null ? [o.traceId] : [])),
    ),
  ];
  const sessions = new Map<string, string | null>();
  for (const slice of chunks(ids, 500)) {
    const rows = await db
      .selectFrom('traces')
      .select(['id', 'session_id'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) sessions.set(row.id, row.session_id);
  }
  return sessions;
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  if (small.length === 0) return true;
  const set = new Set(large);
  return small.every((line) => set.has(line));
}
