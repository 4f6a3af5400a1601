import { type ScoreRecord, scoreColumns, scoreRollupKeys } from '@cupid-dashboard/core';
import {
  type ObservationKeys,
  observationKeysOf,
  replaceAllButKey,
  STORED_SCORE_COLUMNS,
} from '@cupid-dashboard/sql-store';
import { toNumberOrNull } from '../db/numbers';
import type { ScoreTable } from '../db/schema';
import type { Db } from '../db/types';
import { shiftScoreRollups } from '../rollups/score-rollups';
import type { BatchChanges } from './batch-changes';
import { traceSessionsOf } from './trace-sessions';
import { chunks, resolveVersions } from './versions';

/** A score row's columns, the key first: the shared ones, then where the rollups count it. */
const SCORE_COLUMNS: readonly (keyof ScoreTable)[] = [
  ...STORED_SCORE_COLUMNS,
  'sketch_bin',
  'counted_value',
];

/**
 * Writes the batch's score versions that win (core's version rule), each linked to its session
 * (its own, else its trace's as stored now) and to its observation's agent and model, and moves
 * the rollups from every stored version replaced to its final one. Run after the batch's traces
 * and observations, so those in the same batch link.
 */
export async function writeScores(
  db: Db,
  records: readonly ScoreRecord[],
  changes: BatchChanges,
): Promise<{ written: number; skipped: number }> {
  if (records.length === 0) return { written: 0, skipped: 0 };
  const stored = new Map<string, { updatedAt: number | null; session: string | null }>();
  for (const slice of chunks([...new Set(records.map((record) => record.id))], 1000)) {
    const rows = await db
      .selectFrom('scores')
      .select(['id', 'updated_at', 'eff_session_id'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      stored.set(row.id, {
        updatedAt: toNumberOrNull(row.updated_at),
        session: row.eff_session_id,
      });
    }
  }
  const { finals, written, skipped } = resolveVersions(records, stored);
  changes.count('scores', [...finals.keys()].filter((id) => !stored.has(id)).length);
  const traceSessions = await traceSessionsOf(db, [...finals.values()]);
  const observations = await observationKeysOf(db, finals.values());
  const rows = [...finals.values()].map((score) =>
    scoreRow(
      score,
      score.sessionId ?? traceSessions.get(score.traceId ?? '') ?? null,
      score.observationId === null ? undefined : observations.get(score.observationId),
    ),
  );
  for (const row of rows) {
    changes.scoreSessions.add(stored.get(row.id)?.session ?? null);
    changes.scoreSessions.add(row.eff_session_id);
  }
  const ids = rows.map((row) => row.id);
  await shiftScoreRollups(
    db,
    ids.filter((id) => stored.has(id)),
    -1,
  );
  for (const slice of chunks(rows, 1000)) {
    await db
      .insertInto('scores')
      .values(slice)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(replaceAllButKey(SCORE_COLUMNS)))
      .execute();
  }
  await shiftScoreRollups(db, ids, 1);
  return { written, skipped };
}

function scoreRow(
  score: ScoreRecord,
  effSessionId: string | null,
  observation: ObservationKeys | undefined,
): ScoreTable {
  const keys = scoreRollupKeys(score);
  return {
    ...scoreColumns(score, effSessionId),
    agent: observation?.agent ?? null,
    model: observation?.model ?? null,
    sketch_bin: keys.sketchIndex,
    counted_value: keys.countedValue,
  };
}
