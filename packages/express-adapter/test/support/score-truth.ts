import type { ScoreRecord } from '@cupid-dashboard/core';
import { dataset } from './dataset';

/** The scores as Langfuse holds them in the end: each id's version with the latest updatedAt. */
export function finalScores(): ScoreRecord[] {
  const byId = new Map<string, ScoreRecord>();
  for (const score of [...dataset.scores, ...dataset.lateScores]) {
    const held = byId.get(score.id);
    if (!held || (score.updatedAt ?? 0) >= (held.updatedAt ?? 0)) byId.set(score.id, score);
  }
  return [...byId.values()];
}

const traceSessions = new Map(dataset.traces.map((trace) => [trace.id, trace.sessionId]));

/** A score's session: its own, else its trace's. */
export function sessionOf(score: ScoreRecord): string | null {
  return (
    score.sessionId ?? (score.traceId === null ? null : (traceSessions.get(score.traceId) ?? null))
  );
}

/** The mean of some numbers, null for none. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Each session's scores of one name. */
export function scoresBySession(name: string): Map<string, ScoreRecord[]> {
  const bySession = new Map<string, ScoreRecord[]>();
  for (const score of finalScores()) {
    const session = sessionOf(score);
    if (score.name !== name || session === null) continue;
    bySession.set(session, [...(bySession.get(session) ?? []), score]);
  }
  return bySession;
}
