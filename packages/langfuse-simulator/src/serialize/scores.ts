import type { ScoreRecord, TraceRecord } from '@cupid-dashboard/core';
import type { JsonObject } from './legacy';
import { isoOrNull } from './values';

/** Field groups of `GET /api/public/v3/scores` besides the core fields. */
export const SCORE_V3_GROUPS = ['details', 'subject', 'annotation'] as const;
export type ScoreV3Group = (typeof SCORE_V3_GROUPS)[number];

/** When the score row was created: the simulator's records know only their timestamp. */
const createdAt = (score: ScoreRecord) => isoOrNull(score.timestamp);
const updatedAt = (score: ScoreRecord) => isoOrNull(score.updatedAt ?? score.timestamp);

/**
 * A legacy `GetScoresResponseData` row: `value` a number for every type (1/0 for booleans, 0 for
 * a category without a config mapping), `stringValue` for booleans and categories, and the
 * scored trace's `trace` properties for trace and observation scores.
 */
export function legacyScore(score: ScoreRecord, trace: TraceRecord | undefined): JsonObject {
  const body: JsonObject = {
    id: score.id,
    traceId: score.traceId,
    sessionId: score.sessionId,
    observationId: score.observationId,
    datasetRunId: null,
    name: score.name,
    source: score.source,
    timestamp: isoOrNull(score.timestamp),
    createdAt: createdAt(score),
    updatedAt: updatedAt(score),
    authorUserId: null,
    comment: score.comment,
    metadata: {},
    configId: score.configId,
    queueId: null,
    environment: score.environment,
    dataType: score.dataType,
    value: score.value ?? 0,
  };
  if (score.dataType !== 'NUMERIC') body.stringValue = score.stringValue;
  if (score.traceId !== null) {
    body.trace = {
      userId: trace?.userId ?? null,
      tags: trace?.tags ?? [],
      environment: trace?.environment ?? score.environment,
      sessionId: trace?.sessionId ?? null,
    };
  }
  return body;
}

/** What a v3 score is attached to, as the `subject` group describes it. */
function subject(score: ScoreRecord): JsonObject | null {
  if (score.observationId !== null) {
    return { kind: 'observation', id: score.observationId, traceId: score.traceId };
  }
  if (score.traceId !== null) return { kind: 'trace', id: score.traceId };
  if (score.sessionId !== null) return { kind: 'session', id: score.sessionId };
  return null;
}

/** A v3 `ScoreV3` row: core fields always, `value` typed by `dataType`, other groups on request. */
export function v3Score(
  score: ScoreRecord,
  groups: ReadonlySet<ScoreV3Group>,
  projectId: string,
): JsonObject {
  const value =
    score.dataType === 'NUMERIC'
      ? score.value
      : score.dataType === 'BOOLEAN'
        ? score.value === 1
        : score.stringValue;
  const body: JsonObject = {
    id: score.id,
    projectId,
    name: score.name,
    dataType: score.dataType,
    value,
    source: score.source,
    timestamp: isoOrNull(score.timestamp),
    environment: score.environment,
    createdAt: createdAt(score),
    updatedAt: updatedAt(score),
  };
  if (groups.has('details')) {
    body.comment = score.comment;
    body.configId = score.configId;
    body.metadata = {};
  }
  if (groups.has('subject')) body.subject = subject(score);
  if (groups.has('annotation')) {
    body.authorUserId = score.source === 'ANNOTATION' ? 'reviewer-1' : null;
    body.queueId = null;
  }
  return body;
}
