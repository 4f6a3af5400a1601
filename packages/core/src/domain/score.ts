import type { EpochMs } from './records';

/**
 * The score data types the dashboard analyses. Langfuse also has `TEXT` and `CORRECTION` scores:
 * free text with no value to count or average, which the normalizers leave out.
 */
export type ScoreDataType = 'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL';

/** Who produced a score: the app through the API, an evaluator (LLM-as-judge), or a person. */
export type ScoreSource = 'API' | 'EVAL' | 'ANNOTATION';

/**
 * One Langfuse score, normalized from either API generation (`GET /api/public/v3/scores` or the
 * legacy `GET /api/public/v2/scores`), so both give the same record for the same score.
 *
 * A score is attached to a trace, an observation (and its trace) or a session: a store links it
 * to its session through `sessionId ?? trace(traceId).sessionId`.
 *
 * Values by data type:
 * - `NUMERIC`: `value` is the number, `stringValue` null;
 * - `BOOLEAN`: `value` is 1 or 0, `stringValue` `'True'` or `'False'`;
 * - `CATEGORICAL`: `stringValue` is the category, `value` null (v3 does not send the number a
 *   score config may map the category to, so neither record carries it).
 *
 * @example
 * const helpfulness: ScoreRecord = {
 *   id: 'score-1', name: 'helpfulness', dataType: 'NUMERIC', value: 0.82, stringValue: null,
 *   source: 'EVAL', traceId: 'trace-1', observationId: 'obs-1', sessionId: null,
 *   timestamp: Date.parse('2026-11-20T10:00:05Z'), comment: 'on topic', configId: null,
 *   environment: 'default', updatedAt: Date.parse('2026-11-20T10:00:05Z'),
 * };
 */
export interface ScoreRecord {
  id: string;
  /** The score's name, e.g. `helpfulness`; the dashboard groups scores by it. */
  name: string;
  dataType: ScoreDataType;
  /** The number of a NUMERIC score, 1/0 for a BOOLEAN one, null for a CATEGORICAL one. */
  value: number | null;
  /** The category of a CATEGORICAL score, `'True'`/`'False'` for a BOOLEAN one, else null. */
  stringValue: string | null;
  source: ScoreSource;
  traceId: string | null;
  observationId: string | null;
  /** Set when the score is attached to a session directly (not through a trace). */
  sessionId: string | null;
  /** When the score was given. */
  timestamp: EpochMs;
  comment: string | null;
  configId: string | null;
  environment: string;
  /**
   * When this version was written at the source. A score overwritten at the source (same id)
   * gets a later `updatedAt`; of two versions the later `updatedAt` wins, as for observations.
   */
  updatedAt: EpochMs | null;
}
