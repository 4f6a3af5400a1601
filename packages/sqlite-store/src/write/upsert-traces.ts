import type { TraceRecord } from '@cupid-dashboard/core';
import { relinkFollowers, type TraceMove } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import type { BatchState } from './batch-state';
import { upsertTraces } from './inserts';
import { traceRow } from './rows';
import { pickWinners, readByIds } from './versions';

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
  await relinkFollowers(db, moves, state.touched, state.search);
}
