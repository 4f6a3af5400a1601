import type { ScoreDataType, ScoreRecord } from '../../domain/score';
import type { LangfuseScore, LangfuseScoreV3 } from '../schemas/index';
import { environmentOf, toEpochMs, toEpochMsOrNull } from './common';

const isAnalysable = <S extends { dataType: string }>(
  score: S,
): score is S & { dataType: ScoreDataType } =>
  score.dataType === 'NUMERIC' || score.dataType === 'BOOLEAN' || score.dataType === 'CATEGORICAL';

/** The fields both generations map alike. */
function sharedScoreFields(score: LangfuseScore | LangfuseScoreV3) {
  return {
    id: score.id,
    name: score.name,
    source: score.source,
    timestamp: toEpochMs(score.timestamp),
    comment: score.comment ?? null,
    configId: score.configId ?? null,
    environment: environmentOf(score.environment),
    updatedAt: toEpochMsOrNull(score.updatedAt),
  };
}

/** `value` and `stringValue` of a record: booleans become 1/0 and 'True'/'False' whatever the wire sent. */
function recordValue(
  dataType: ScoreDataType,
  value: number | boolean | string | null | undefined,
  category: string | null | undefined,
): Pick<ScoreRecord, 'value' | 'stringValue'> {
  if (dataType === 'NUMERIC') return { value: value as number, stringValue: null };
  if (dataType === 'BOOLEAN') {
    const truth = value === true || value === 1;
    return { value: truth ? 1 : 0, stringValue: truth ? 'True' : 'False' };
  }
  return { value: null, stringValue: category ?? null };
}

/**
 * A legacy score (`GET /api/public/v2/scores`) → {@link ScoreRecord}; null for `TEXT` and
 * `CORRECTION` scores, which have no value to analyse. `sessionId` is the score's own (set for
 * session scores), not the trace's: a v3 score does not carry its trace's session, and both
 * generations give the same record.
 *
 * @example
 * const records = page.data.map(scoreToRecord).filter((r) => r !== null);
 */
export function scoreToRecord(score: LangfuseScore): ScoreRecord | null {
  if (!isAnalysable(score)) return null;
  return {
    ...sharedScoreFields(score),
    dataType: score.dataType,
    ...recordValue(score.dataType, score.value, score.stringValue),
    traceId: score.traceId || null,
    observationId: score.observationId || null,
    sessionId: score.sessionId || null,
  };
}

/** The trace, observation and session ids a v3 subject names. */
function subjectIds(subject: LangfuseScoreV3['subject']) {
  const ids = { traceId: null, observationId: null, sessionId: null } as Pick<
    ScoreRecord,
    'traceId' | 'observationId' | 'sessionId'
  >;
  if (subject?.kind === 'trace') ids.traceId = subject.id;
  if (subject?.kind === 'observation') {
    ids.observationId = subject.id;
    ids.traceId = subject.traceId || null;
  }
  if (subject?.kind === 'session') ids.sessionId = subject.id;
  return ids;
}

/**
 * A v3 score (`GET /api/public/v3/scores`) → {@link ScoreRecord}; null for `TEXT` and
 * `CORRECTION` scores. The trace, observation and session come from the `subject` field group
 * (ask for `fields: ['details', 'subject']`; without it a score is linked to nothing), the
 * comment and config from `details`.
 *
 * @example
 * const page = await client.getScoresV3({ limit: 100, fields: ['details', 'subject'] });
 * const records = page.data.map(scoreV3ToRecord).filter((r) => r !== null);
 */
export function scoreV3ToRecord(score: LangfuseScoreV3): ScoreRecord | null {
  if (!isAnalysable(score)) return null;
  const category = typeof score.value === 'string' ? score.value : null;
  return {
    ...sharedScoreFields(score),
    dataType: score.dataType,
    ...recordValue(score.dataType, score.value, category),
    ...subjectIds(score.subject),
  };
}
