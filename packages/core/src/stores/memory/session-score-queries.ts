import type { ScoreRecord } from '../../domain/score';
import {
  passesSessionScoreFilter,
  type SessionScoreFilter,
} from '../../store/session-score-filter';
import type { SessionScore } from '../../store/session-scores';
import type { DerivedData } from './derive';

/** The ids of the sessions whose scores of the filter's name pass it. */
export function sessionsPassingScoreFilter(
  derived: DerivedData,
  filter: SessionScoreFilter,
): Set<string> {
  const bySession = new Map<string, ScoreRecord[]>();
  for (const fact of derived.scores) {
    if (fact.sessionId !== null && fact.record.name === filter.name) {
      const list = bySession.get(fact.sessionId);
      if (list) list.push(fact.record);
      else bySession.set(fact.sessionId, [fact.record]);
    }
  }
  const passing = new Set<string>();
  for (const [sessionId, records] of bySession) {
    if (passesSessionScoreFilter(records, filter)) passing.add(sessionId);
  }
  return passing;
}

/** The scores linked to some sessions (the reads sort them). */
export function sessionScores(derived: DerivedData, sessionIds: readonly string[]): SessionScore[] {
  const wanted = new Set(sessionIds);
  return derived.scores.flatMap(({ record, sessionId }) =>
    sessionId === null || !wanted.has(sessionId)
      ? []
      : [
          {
            sessionId,
            id: record.id,
            name: record.name,
            dataType: record.dataType,
            value: record.value,
            stringValue: record.stringValue,
            source: record.source,
            traceId: record.traceId,
            observationId: record.observationId,
            timestamp: record.timestamp,
            comment: record.comment,
          },
        ],
  );
}
