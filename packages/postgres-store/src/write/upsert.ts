import {
  type DashboardPreset,
  SearchChanges,
  type UpsertBatch,
  type UpsertResult,
} from '@cupid-dashboard/core';
import { addCounters, refreshScoreSessions } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { BatchChanges } from './batch-changes';
import { readLinksBefore } from './linked-before';
import { updateSessions } from './session-aggregates';
import { updateTraces } from './trace-aggregates';
import { writeScores } from './upsert-scores';
import { writeObservations } from './write-observations';
import { writeSessions } from './write-sessions';
import { writeTraces } from './write-traces';

/**
 * Writes one batch inside the caller's transaction: raw records under the version rule, the
 * re-linking of observations and scores that follow a trace to a new session, the scores with
 * their hourly rollups, then what the records change
 * besides themselves: trace and session aggregates (with search text and first calls), fact
 * rollups and row counters, each moved by the batch's deltas (see `BatchChanges`).
 */
export async function upsertBatch(
  db: Db,
  batch: UpsertBatch,
  preset: DashboardPreset,
): Promise<UpsertResult> {
  const changes = new BatchChanges(new SearchChanges());
  await readLinksBefore(db, batch, changes);
  const sessions = await writeSessions(db, batch.sessions ?? [], changes);
  const traces = await writeTraces(db, batch.traces ?? [], changes);
  const observations = await writeObservations(db, batch.observations ?? [], preset, changes);
  const scores = await writeScores(db, batch.scores ?? [], changes);
  await refreshScoreSessions(db, changes.scoreSessions);
  await updateTraces(db, changes);
  await updateSessions(db, changes);
  await changes.facts.apply(db);
  await changes.traceRollups.apply(db);
  await changes.firstCallRollups.apply(db);
  await addCounters(db, Object.fromEntries(changes.counters));
  return {
    written: {
      sessions,
      traces: traces.written,
      observations: observations.written,
      scores: scores.written,
    },
    skipped: {
      sessions: 0,
      traces: traces.skipped,
      observations: observations.skipped,
      scores: scores.skipped,
    },
    touched: changes.touched.toKeys(),
  };
}
