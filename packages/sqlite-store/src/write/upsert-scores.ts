import { type ScoreRecord, scoreColumns } from '@cupid-dashboard/core';
import { SCORE_COLUMNS, SCORE_FACT_COLUMNS } from '@cupid-dashboard/sql-store';
import { bulkInsert } from '../db/bulk-insert';
import { replaceAllButKey } from '../db/replace-all-but-key';
import type { ScoreTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchState } from './batch-state';
import { ScoreDeltas } from './score-deltas';
import { pickWinners, readByIds } from './versions';

const upsertScores = bulkInsert<ScoreTable>([...SCORE_COLUMNS], (db, rows) =>
  db
    .insertInto('scores')
    .values(rows)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(replaceAllButKey(SCORE_COLUMNS))),
);

/**
 * Writes the batch's score versions that win (core's version rule), each linked to its session
 * (its own, else its trace's as stored now), and moves the rollups from every stored version
 * replaced to its final one. Run after the batch's traces, so a trace in the same batch links.
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
        .select(['id', 'updated_at', ...SCORE_FACT_COLUMNS])
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
  const deltas = new ScoreDeltas();
  const rows: ScoreTable[] = [];
  for (const score of finals.values()) {
    const before = stored.get(score.id);
    if (before) deltas.apply(before, -1);
    else state.created.scores++;
    const traceSession = score.traceId === null ? null : traceSessions.get(score.traceId);
    const row = scoreColumns(score, score.sessionId ?? traceSession?.session_id ?? null);
    deltas.apply(row, 1);
    rows.push(row);
  }
  await upsertScores(db, rows);
  await deltas.write(db);
}
