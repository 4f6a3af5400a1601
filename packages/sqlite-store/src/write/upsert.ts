import type { DashboardPreset, UpsertBatch, UpsertResult } from '@cupid-dashboard/core';
import { addCounters, refreshScoreSessions, relinkScores } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { BatchState } from './batch-state';
import { refreshSessions } from './session-aggregates';
import { refreshTraces } from './trace-aggregates';
import { upsertObservationRecords } from './upsert-observations';
import { upsertScoreRecords } from './upsert-scores';
import { upsertSessionRecords } from './upsert-sessions';
import { upsertTraceRecords } from './upsert-traces';

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
  const state = new BatchState();
  await upsertSessionRecords(db, state, batch.sessions ?? []);
  // Traces before observations: an observation without a session takes its trace's.
  await upsertTraceRecords(db, state, batch.traces ?? []);
  // Scores stored before their trace (or before it moved) take its session now.
  const relinked = await relinkScores(
    db,
    (batch.traces ?? []).map((trace) => trace.id),
  );
  for (const session of relinked) state.scoreSessions.add(session);
  await upsertObservationRecords(db, state, batch.observations ?? [], preset);
  await upsertScoreRecords(db, state, batch.scores ?? []);
  await refreshDerived(db, state);
  return { written: state.written, skipped: state.skipped, touched: state.touched.toKeys() };
}

/**
 * The trace and session aggregates and per-session score rollups of what the batch touched, and
 * the row counters.
 */
async function refreshDerived(db: Db, state: BatchState): Promise<void> {
  await refreshScoreSessions(db, state.scoreSessions);
  const derivedTraces = await refreshTraces(db, state.traceChanges);
  const derivedSessions = await refreshSessions(
    db,
    [...state.touched.sessionIds],
    state.search,
    state.index,
  );
  await addCounters(db, {
    ...state.created,
    derived_sessions: derivedSessions,
    derived_traces: derivedTraces,
  });
}
