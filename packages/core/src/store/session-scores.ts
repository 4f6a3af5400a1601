import type { ScoreDataType, ScoreRecord } from '../domain/score';
import { compareIds } from '../semantics/ids';
import { StoreError } from './errors';
import { ScoreAccumulator } from './score-accumulator';
import type { ScoreValueCount } from './scores';

/**
 * One score of a session as the session list and the conversation show it: the record's fields
 * a reader needs, and the session it is linked to (`sessionId ?? trace(traceId).sessionId`).
 */
export type SessionScore = Pick<
  ScoreRecord,
  | 'id'
  | 'name'
  | 'dataType'
  | 'value'
  | 'stringValue'
  | 'source'
  | 'traceId'
  | 'observationId'
  | 'timestamp'
  | 'comment'
> & {
  /** The session it is linked to, directly or through its trace. */
  sessionId: string;
};

/** Which sessions' scores to read: at most {@link SESSION_SCORES_MAX_IDS} ids (a page's worth). */
export interface SessionScoresParams {
  sessionIds: readonly string[];
}

/** How many sessions one `listSessionScores` call may ask for: a full page and more. */
export const SESSION_SCORES_MAX_IDS = 500;

/**
 * Checks the session ids of a `listSessionScores` call: an array of at most
 * `SESSION_SCORES_MAX_IDS` strings, duplicates dropped.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for anything else
 */
export function checkSessionScoresParams(params: SessionScoresParams): string[] {
  const ids = params?.sessionIds;
  if (!Array.isArray(ids) || ids.length > SESSION_SCORES_MAX_IDS) {
    throw new StoreError(
      'STORE_INVALID_QUERY',
      `sessionIds must be an array of at most ${SESSION_SCORES_MAX_IDS} ids`,
    );
  }
  if (ids.some((id) => typeof id !== 'string')) {
    throw new StoreError('STORE_INVALID_QUERY', 'sessionIds must be strings');
  }
  return [...new Set(ids)];
}

/**
 * The order `listSessionScores` answers in: by session id, then timestamp, then score id
 * (`compareIds`), so every store gives the same list.
 */
export function compareSessionScores(a: SessionScore, b: SessionScore): number {
  return (
    compareIds(a.sessionId, b.sessionId) || a.timestamp - b.timestamp || compareIds(a.id, b.id)
  );
}

/**
 * One score name over one session's scores, as a session row carries it: `mean` over the scores
 * with a number (for a BOOLEAN score the share of `True`), null for CATEGORICAL; `values` counts
 * BOOLEAN and CATEGORICAL values (count descending, then value).
 */
export interface SessionScoreSummary {
  name: string;
  dataType: ScoreDataType;
  count: number;
  mean: number | null;
  values: ScoreValueCount[];
}

/**
 * Folds scores (of any sessions) into each session's summaries by name, names ascending. Scores
 * are folded in {@link compareSessionScores} order, so the means agree to the last bit wherever
 * the scores come from.
 *
 * @example
 * summarizeSessionScores(await store.listSessionScores({ sessionIds: ['s1'] })).get('s1');
 * // [{ name: 'helpfulness', dataType: 'NUMERIC', count: 2, mean: 0.65, values: [] }]
 */
export function summarizeSessionScores(
  scores: readonly SessionScore[],
): Map<string, SessionScoreSummary[]> {
  const bySession = new Map<string, Map<string, ScoreAccumulator>>();
  for (const score of [...scores].sort(compareSessionScores)) {
    let names = bySession.get(score.sessionId);
    if (!names) {
      names = new Map();
      bySession.set(score.sessionId, names);
    }
    let accumulator = names.get(score.name);
    if (!accumulator) {
      accumulator = new ScoreAccumulator();
      names.set(score.name, accumulator);
    }
    accumulator.add(score);
  }
  const summaries = new Map<string, SessionScoreSummary[]>();
  for (const [sessionId, names] of bySession) {
    const rows: SessionScoreSummary[] = [];
    for (const name of [...names.keys()].sort(compareIds)) {
      const summary = names.get(name)?.summary(name);
      if (!summary) continue;
      const { dataType, count, mean, values } = summary;
      rows.push({ name, dataType, count, mean, values });
    }
    summaries.set(sessionId, rows);
  }
  return summaries;
}
