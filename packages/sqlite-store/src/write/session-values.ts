import {
  compareByStart,
  foldObservation,
  foldSessionCreated,
  foldTrace,
  newSessionFold,
  sessionFoldIsEmpty,
} from '@cupid-dashboard/core';
import type { SessionAggTable } from '../db/schema';
import type { SourceObservation, SourceTrace } from './session-sources';

/** A `session_agg` row as written (the rowid is the table's). */
export type SessionValues = Omit<SessionAggTable, 'rowid'>;

/**
 * A session's row from its records, through core's session fold; null when nothing links to it
 * any more.
 *
 * @returns the row and the first call of each agent in it (agent → start, epoch ms)
 */
export function sessionValues(
  id: string,
  createdAt: number | undefined,
  traces: readonly SourceTrace[],
  observations: readonly SourceObservation[],
): { values: SessionValues; firstCalls: Map<string, number> } | null {
  const fold = newSessionFold();
  if (createdAt !== undefined) foldSessionCreated(fold, createdAt);
  for (const trace of traces) {
    foldTrace(fold, { id: trace.id, timestamp: trace.timestamp, userId: trace.user_id });
  }
  // Sorted as the reference sums them, so the cost is the same float.
  for (const row of [...observations].sort(byStart)) {
    foldObservation(fold, {
      id: row.id,
      traceId: row.trace_id,
      type: row.type,
      name: row.name,
      userId: row.user_id,
      startTime: row.start_time,
      endTime: row.end_time,
      chapter: row.chapter,
      cost: row.cost,
      tokens: { input: row.tokens_input, output: row.tokens_output, total: row.tokens_total },
      isError: row.is_error !== 0,
    });
  }
  if (sessionFoldIsEmpty(fold)) return null;
  const values: SessionValues = {
    id,
    user_id: fold.userId,
    started_at: fold.startedAt,
    last_activity_at: fold.lastActivityAt,
    duration_ms: fold.lastActivityAt - fold.startedAt,
    trace_count: fold.traceIds.size,
    generation_count: fold.generationCount,
    observation_count: fold.observationCount,
    chapter_reached: fold.chapterReached,
    cost: fold.cost,
    tokens_input: fold.tokens.input,
    tokens_output: fold.tokens.output,
    tokens_total: fold.tokens.total,
    error_count: fold.errorCount,
    first_calls: JSON.stringify(Object.fromEntries(fold.firstCalls)),
  };
  return { values, firstCalls: fold.firstCalls };
}

function byStart(a: SourceObservation, b: SourceObservation): number {
  return compareByStart(
    { startTime: a.start_time, id: a.id },
    { startTime: b.start_time, id: b.id },
  );
}
