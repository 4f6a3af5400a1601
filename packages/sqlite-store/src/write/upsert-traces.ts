import type { TraceRecord } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import type { Db } from '../db/types';
import type { BatchState } from './batch-state';
import { upsertTraces } from './inserts';
import { traceRow } from './rows';
import { pickWinners, readByIds } from './versions';

/** A trace whose session changed. */
interface TraceMove {
  id: string;
  from: string | null;
  to: string | null;
}

/**
 * Writes the batch's trace versions that win, then re-links the observations without a session
 * of their own that follow a trace to its new session.
 */
export async function upsertTraceRecords(
  db: Db,
  state: BatchState,
  traces: readonly TraceRecord[],
): Promise<void> {
  if (traces.length === 0) return;
  const stored = await readByIds(
    traces.map((trace) => trace.id),
    (slice) =>
      db
        .selectFrom('traces')
        .select(['id', 'session_id', 'timestamp', 'updated_at'])
        .where('id', 'in', slice)
        .execute(),
  );
  const { finals, skipped } = pickWinners(
    traces,
    (id) => {
      const row = stored.get(id);
      return row && { updatedAt: row.updated_at };
    },
    (trace) => {
      state.written.traces++;
      state.touched.addTrace(trace.id);
      state.touched.addSession(trace.sessionId);
      state.touched.addTime(trace.timestamp);
      state.traceChanges.addRecord(trace.id, trace.timestamp);
    },
  );
  state.skipped.traces += skipped;
  const moves: TraceMove[] = [];
  for (const trace of finals.values()) {
    const before = stored.get(trace.id);
    if (before) {
      state.touched.addSession(before.session_id);
      state.touched.addTime(before.timestamp);
    } else state.created.traces++;
    if ((before?.session_id ?? null) !== trace.sessionId) {
      moves.push({ id: trace.id, from: before?.session_id ?? null, to: trace.sessionId });
    }
  }
  const rows = [...finals.values()].map(traceRow);
  for (const row of rows) state.index.addTrace(row);
  await upsertTraces(db, rows);
  await relinkFollowers(db, state, moves);
}

/** Observations without a session of their own follow their trace to its new session. */
async function relinkFollowers(
  db: Db,
  state: BatchState,
  moves: readonly TraceMove[],
): Promise<void> {
  for (const slice of chunks(moves, 500)) {
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
      state.touched.addObservation({
        effSessionId: row.eff_session_id,
        traceId: row.trace_id,
        name: row.name,
        model: row.model,
        startTime: row.start_time,
      });
    }
    for (const move of slice) {
      if (!withObservations.has(move.id)) continue;
      state.touched.addSession(move.from);
      state.search.rebuild(move.from);
      state.search.rebuild(move.to);
    }
  }
}
