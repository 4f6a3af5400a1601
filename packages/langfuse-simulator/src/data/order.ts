import type {
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '@cupid-dashboard/core';

/**
 * A row position in the newest-first order Langfuse serves observations in:
 * start time descending, then trace id descending, then id descending.
 */
export interface ObservationPosition {
  startTime: number;
  /** Null trace ids sort as the empty string, i.e. after every real id. */
  traceId: string | null;
  id: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` is served before `b` (newest first). */
export function compareObservationPositions(
  a: ObservationPosition,
  b: ObservationPosition,
): number {
  if (a.startTime !== b.startTime) return b.startTime - a.startTime;
  const trace = compareText(b.traceId ?? '', a.traceId ?? '');
  return trace !== 0 ? trace : compareText(b.id, a.id);
}

/** Traces newest first (timestamp descending, then id descending). */
export function compareTracesNewestFirst(a: TraceRecord, b: TraceRecord): number {
  return a.timestamp !== b.timestamp ? b.timestamp - a.timestamp : compareText(b.id, a.id);
}

/** Sessions newest first (createdAt descending, then id descending). */
export function compareSessionsNewestFirst(a: SessionRecord, b: SessionRecord): number {
  return a.createdAt !== b.createdAt ? b.createdAt - a.createdAt : compareText(b.id, a.id);
}

/** Observations in serving order. */
export function compareObservations(a: ObservationRecord, b: ObservationRecord): number {
  return compareObservationPositions(a, b);
}

/** A row position in the order both scores endpoints serve: timestamp, then id, descending. */
export interface ScorePosition {
  timestamp: number;
  id: string;
}

/** Negative when `a` is served before `b` (newest first). */
export function compareScorePositions(a: ScorePosition, b: ScorePosition): number {
  return a.timestamp !== b.timestamp ? b.timestamp - a.timestamp : compareText(b.id, a.id);
}

/** Scores in serving order. */
export function compareScores(a: ScoreRecord, b: ScoreRecord): number {
  return compareScorePositions(a, b);
}
