import {
  type DashboardPreset,
  type EntityCounts,
  generationSearchLines,
  type ObservationRecord,
  SearchChanges,
  type SessionRecord,
  TouchedSet,
  type TraceRecord,
  type UpsertBatch,
  type UpsertResult,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import { shiftFactRollups } from '../rollups/fact-rollups';
import { observationRow, recordOf, sessionRow, traceRow } from './rows';
import { refreshSessions } from './session-aggregates';
import { refreshTraces } from './trace-aggregates';
import { chunks, resolveVersions } from './versions';

/** What one phase of a batch adds to the upsert's result and to the derived work after it. */
interface BatchEffects {
  touched: TouchedSet;
  search: SearchChanges;
  written: EntityCounts;
  skipped: EntityCounts;
}

/**
 * Writes one batch inside the caller's transaction: raw records under the version rule, the
 * re-linking of observations that follow a trace to a new session, then the trace and session
 * aggregates (with search text and first calls) of exactly what the batch touched.
 */
export async function upsertBatch(
  db: Db,
  batch: UpsertBatch,
  preset: DashboardPreset,
): Promise<UpsertResult> {
  const effects: BatchEffects = {
    touched: new TouchedSet(),
    search: new SearchChanges(),
    written: { sessions: 0, traces: 0, observations: 0 },
    skipped: { sessions: 0, traces: 0, observations: 0 },
  };
  await writeSessions(db, batch.sessions ?? [], effects);
  await writeTraces(db, batch.traces ?? [], effects);
  await writeObservations(db, batch.observations ?? [], preset, effects);
  await refreshTraces(db, [...effects.touched.traceIds]);
  await refreshSessions(db, [...effects.touched.sessionIds], effects.search);
  return { written: effects.written, skipped: effects.skipped, touched: effects.touched.toKeys() };
}

/** Session records: the last upsert wins (they have no `updatedAt`). */
async function writeSessions(
  db: Db,
  records: readonly SessionRecord[],
  effects: BatchEffects,
): Promise<void> {
  if (records.length === 0) return;
  const finals = new Map(records.map((record) => [record.id, record]));
  for (const slice of chunks([...finals.keys()], 1000)) {
    const stored = await db
      .selectFrom('sessions')
      .select('created_at')
      .where('id', 'in', slice)
      .execute();
    for (const row of stored) effects.touched.addTime(toNumber(row.created_at));
  }
  for (const record of records) {
    effects.touched.addSession(record.id);
    effects.touched.addTime(record.createdAt);
  }
  effects.written.sessions += records.length;
  for (const slice of chunks([...finals.values()], 2000)) {
    await db
      .insertInto('sessions')
      .values(slice.map(sessionRow))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          created_at: eb.ref('excluded.created_at'),
          record: eb.ref('excluded.record'),
        })),
      )
      .execute();
  }
}

/**
 * Traces under the version rule. A trace that moves to another session takes along its
 * observations that have no session of their own: they are re-linked, and both sessions' search
 * text is rebuilt.
 */
async function writeTraces(
  db: Db,
  records: readonly TraceRecord[],
  effects: BatchEffects,
): Promise<void> {
  if (records.length === 0) return;
  const { touched } = effects;
  const stored = new Map<
    string,
    { updatedAt: number | null; sessionId: string | null; timestamp: number }
  >();
  for (const slice of chunks([...new Set(records.map((record) => record.id))], 1000)) {
    const rows = await db
      .selectFrom('traces')
      .select(['id', 'updated_at', 'session_id', 'timestamp'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      stored.set(row.id, {
        updatedAt: toNumberOrNull(row.updated_at),
        sessionId: row.session_id,
        timestamp: toNumber(row.timestamp),
      });
    }
  }
  const { finals, written, skipped } = resolveVersions(records, stored);
  effects.written.traces += written;
  effects.skipped.traces += skipped;
  const moved: { id: string; from: string | null; to: string | null }[] = [];
  for (const trace of finals.values()) {
    const before = stored.get(trace.id);
    touched.addTrace(trace.id);
    touched.addSession(trace.sessionId);
    touched.addTime(trace.timestamp);
    if (before) {
      touched.addSession(before.sessionId);
      touched.addTime(before.timestamp);
    }
    if ((before?.sessionId ?? null) !== trace.sessionId) {
      moved.push({ id: trace.id, from: before?.sessionId ?? null, to: trace.sessionId });
    }
  }
  for (const slice of chunks([...finals.values()], 2000)) {
    await db
      .insertInto('traces')
      .values(slice.map(traceRow))
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          timestamp: eb.ref('excluded.timestamp'),
          session_id: eb.ref('excluded.session_id'),
          user_id: eb.ref('excluded.user_id'),
          updated_at: eb.ref('excluded.updated_at'),
          record: eb.ref('excluded.record'),
        })),
      )
      .execute();
  }
  await relinkObservations(db, moved, effects);
}

async function relinkObservations(
  db: Db,
  moved: readonly { id: string; from: string | null; to: string | null }[],
  { touched, search }: BatchEffects,
): Promise<void> {
  for (const slice of chunks(moved, 1000)) {
    const relinked = await db
      .updateTable('observations')
      .set((eb) => ({
        eff_session_id: eb
          .selectFrom('traces')
          .select('traces.session_id')
          .whereRef('traces.id', '=', 'observations.trace_id'),
      }))
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
        startTime: toNumber(row.start_time),
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

/** What the store holds of an observation about to be replaced. */
interface StoredObservation {
  updatedAt: number | null;
  effSessionId: string | null;
  traceId: string | null;
  name: string | null;
  model: string | null;
  startTime: number;
  /** Its search lines, worked out only for generations. */
  lines: string[];
}

/**
 * Observations under the version rule, with their effective session. A new version that only
 * adds search text appends to its session's; one that loses text or moves rebuilds it.
 */
async function writeObservations(
  db: Db,
  records: readonly ObservationRecord[],
  preset: DashboardPreset,
  effects: BatchEffects,
): Promise<void> {
  if (records.length === 0) return;
  const { touched, search } = effects;
  const stored = await storedObservations(db, records);
  const traceSessions = await traceSessionsOf(db, records);
  const { finals, written, skipped } = resolveVersions(records, stored);
  effects.written.observations += written;
  effects.skipped.observations += skipped;
  const rows: ObservationTable[] = [];
  for (const record of finals.values()) {
    const effSessionId =
      record.sessionId ??
      (record.traceId === null ? null : (traceSessions.get(record.traceId) ?? null));
    rows.push(observationRow(record, effSessionId, preset));
    touched.addObservation({ ...record, effSessionId });
    const lines = generationSearchLines(record);
    const before = stored.get(record.id);
    if (!before) {
      search.append(effSessionId, lines);
      continue;
    }
    touched.addObservation(before);
    if (before.effSessionId === effSessionId && isSubset(before.lines, lines)) {
      search.append(effSessionId, lines);
    } else {
      search.rebuild(before.effSessionId);
      search.rebuild(effSessionId);
    }
  }
  // Rollups: the stored versions about to be replaced out, the new versions in once written.
  const ids = rows.map((row) => row.id);
  await shiftFactRollups(
    db,
    ids.filter((id) => stored.has(id)),
    -1,
  );
  for (const slice of chunks(rows, 1000)) {
    await db
      .insertInto('observations')
      .values(slice)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => {
          const columns = Object.keys(slice[0] ?? {}).filter((column) => column !== 'id');
          return Object.fromEntries(
            columns.map((column) => [
              column,
              eb.ref(`excluded.${column as keyof ObservationTable}`),
            ]),
          );
        }),
      )
      .execute();
  }
  await shiftFactRollups(db, ids, 1);
}

async function storedObservations(
  db: Db,
  records: readonly ObservationRecord[],
): Promise<Map<string, StoredObservation>> {
  const stored = new Map<string, StoredObservation>();
  for (const slice of chunks([...new Set(records.map((record) => record.id))], 1000)) {
    const rows = await db
      .selectFrom('observations')
      .select(['id', 'updated_at', 'eff_session_id', 'trace_id', 'name', 'model', 'start_time'])
      // Only a generation's record is needed (for its search lines); others stay unread.
      .select(sql<string | null>`case when type = 'GENERATION' then record end`.as('record'))
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      stored.set(row.id, {
        updatedAt: toNumberOrNull(row.updated_at),
        effSessionId: row.eff_session_id,
        traceId: row.trace_id,
        name: row.name,
        model: row.model,
        startTime: toNumber(row.start_time),
        lines:
          row.record === null
            ? []
            : generationSearchLines(recordOf<ObservationRecord>({ record: row.record })),
      });
    }
  }
  return stored;
}

/** The session of each trace that the batch's observations without a `sessionId` name. */
async function traceSessionsOf(
  db: Db,
  records: readonly ObservationRecord[],
): Promise<Map<string, string | null>> {
  const ids = [
    ...new Set(
      records.flatMap((r) => (r.sessionId === null && r.traceId !== null ? [r.traceId] : [])),
    ),
  ];
  const sessions = new Map<string, string | null>();
  for (const slice of chunks(ids, 1000)) {
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
