import type { TraceRecord } from '@cupid-dashboard/core';
import {
  relinkFollowers,
  relinkScores,
  replaceAllButKey,
  type TraceMove,
} from '@cupid-dashboard/sql-store';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { TraceTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchChanges } from './batch-changes';
import { traceRow } from './rows';
import { chunks, resolveVersions } from './versions';

/** A trace row's columns, the key first. */
const TRACE_COLUMNS: readonly (keyof TraceTable)[] = [
  'id',
  'timestamp',
  'session_id',
  'user_id',
  'updated_at',
  'record',
];

interface StoredTrace {
  updatedAt: number | null;
  sessionId: string | null;
  timestamp: number;
}

/**
 * Traces under the version rule. A new trace adds itself to its session; one that replaces a
 * stored version makes its old and new sessions dirty. A trace that moves to another session
 * takes along its observations and scores that have no session of their own: they are re-linked,
 * and both sessions' search text is rebuilt.
 */
export async function writeTraces(
  db: Db,
  records: readonly TraceRecord[],
  changes: BatchChanges,
): Promise<{ written: number; skipped: number }> {
  if (records.length === 0) return { written: 0, skipped: 0 };
  const stored = await storedTraces(db, records);
  const { finals, written, skipped } = resolveVersions(records, stored);
  const moved: TraceMove[] = [];
  for (const trace of finals.values()) {
    const before = stored.get(trace.id);
    noteTrace(trace, before, changes);
    if ((before?.sessionId ?? null) !== trace.sessionId) {
      moved.push({ id: trace.id, from: before?.sessionId ?? null, to: trace.sessionId });
    }
  }
  for (const slice of chunks([...finals.values()], 2000)) {
    await db
      .insertInto('traces')
      .values(slice.map(traceRow))
      .onConflict((conflict) => conflict.column('id').doUpdateSet(replaceAllButKey(TRACE_COLUMNS)))
      .execute();
  }
  await relinkObservations(db, moved, changes);
  // Scores stored before their trace (or before it moved) take its session now.
  const relinked = await relinkScores(
    db,
    moved.map((move) => move.id),
  );
  for (const session of relinked) changes.scoreSessions.add(session);
  return { written, skipped };
}

async function storedTraces(
  db: Db,
  records: readonly TraceRecord[],
): Promise<Map<string, StoredTrace>> {
  const stored = new Map<string, StoredTrace>();
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
  return stored;
}

/** What writing one trace's final version changes besides its row. */
function noteTrace(trace: TraceRecord, before: StoredTrace | undefined, changes: BatchChanges) {
  const { touched } = changes;
  touched.addTrace(trace.id);
  touched.addSession(trace.sessionId);
  touched.addTime(trace.timestamp);
  changes.traceTimestamps.set(trace.id, trace.timestamp);
  if (before) {
    touched.addSession(before.sessionId);
    touched.addTime(before.timestamp);
    changes.dirtySession(before.sessionId);
    changes.dirtySession(trace.sessionId);
    return;
  }
  changes.count('traces', 1);
  changes.additionsTo(trace.sessionId)?.traces.push({
    id: trace.id,
    timestamp: trace.timestamp,
    userId: trace.userId,
  });
}

/** Observations follow their moved traces; both sessions of a move that carried any are dirty. */
async function relinkObservations(
  db: Db,
  moved: readonly TraceMove[],
  changes: BatchChanges,
): Promise<void> {
  for (const move of await relinkFollowers(db, moved, changes.touched, changes.search)) {
    changes.dirtySession(move.from);
    changes.dirtySession(move.to);
  }
}
