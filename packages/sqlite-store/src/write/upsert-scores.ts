import { type ScoreRecord, scoreColumns } from '@cupid-dashboard/core';
import {
  observationKeysOf,
  SCORE_ROLLUP_COLUMNS,
  STORED_SCORE_COLUMNS,
} from '@cupid-dashboard/sql-store';
import { bulkInsert } from '../db/bulk-insert';
import { replaceAllButKey } from '../db/replace-all-but-key';
import type { ScoreTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchState } from './batch-state';
import { ScoreDeltas } from './score-deltas';
import { pickWinners, readByIds } from './versions';

const upsertScores = bulkInsert<ScoreTable>([...STORED_SCORE_COLUMNS], (db, rows) =>
  db
    .insertInto('scores')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet(replaceAllButKey(STORED_SCORE_COLUMNS)),
    ),
);

/**
 * Writes the batch's score versions that win (core's version rule), each linked to its session
 * (its own, else its trace's as stored now) and to its observation's agent and model, and moves
 * the rollups from every stored version replaced to its final one. Run after the batch's traces
 * and observations, so those in the same batch link.
 */
export async function upsertScoreRecords(
  db: Db,
  state: BatchState,
  scores: readonly ScoreRecord[],
): Promise<void> {
  if (scores.length === 0) return;
  const stored = await readByIds(
    scores.map((score) => score.id),
    (slice) =>
      db
        .selectFrom('scores')
        .select(['id', 'updated_at', 'eff_session_id', ...SCORE_ROLLUP_COLUMNS])
        .where('id', 'in', slice)
        .execute(),
  );
  const { finals, skipped } = pickWinners(
    scores,
    (id) => {
      const row = stored.get(id);
      return row && { updatedAt: row.updated_at };
    },
    () => state.written.scores++,
  );
  state.skipped.scores += skipped;
  const traceSessions = await readByIds(
    [...finals.values()].flatMap((s) => (s.sessionId === null && s.traceId ? [s.traceId] : [])),
    (slice) =>
      db.selectFrom('traces').select(['id', 'session_id']).where('id', 'in', slice).execute(),
  );
  const observations = await observationKeysOf(db, finals.values());
  const deltas = new ScoreDeltas();
  const rows: ScoreTable[] = [];
  for (const score of finals.values()) {
    const before = stored.get(score.id);
    if (before) {
      deltas.apply(before, -1);
      state.scoreSessions.add(before.eff_session_id);
    } else state.created.scores++;
    const traceSession = score.traceId === null ? null : traceSessions.get(score.traceId);
    const keys = score.observationId === null ? undefined : observations.get(score.observationId);
    const row: ScoreTable = {
      ...scoreColumns(score, score.sessionId ?? traceSession?.session_id ?? null),
      agent: keys?.agent ?? null,
      model: keys?.model ?? null,
    };
    deltas.apply(row, 1);
    state.scoreSessions.add(row.eff_session_id);
    rows.push(row);
  }
  await upsertScores(db, rows);
  await deltas.write(db);
}
