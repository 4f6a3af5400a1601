import type { ScoreRecord } from '@cupid-dashboard/core';
import { z } from 'zod';
import { compareScorePositions } from '../data/order';
import { firstIndexWhere, timeRange } from '../data/search';
import { decodeScoreCursor, encodeScoreCursor } from '../http/cursor';
import { isoTime, text } from '../http/query';
import { badRequest, json } from '../http/responses';
import { SCORE_V3_GROUPS, type ScoreV3Group, v3Score } from '../serialize/scores';
import type { EndpointContext } from './context';
import { commaValues, parseScoresQuery, scorePredicate } from './score-filters';

/** v3 scores page size bounds: default 50, at most 100 (more is a 400). */
export const SCORES_V3_DEFAULT_LIMIT = 50;
export const SCORES_V3_MAX_LIMIT = 100;

const UNSUPPORTED = ['value', 'valueMin', 'valueMax', 'queueId', 'authorUserId', 'experimentId'];

const schema = z.object({
  limit: z.coerce.number().int().min(1).max(SCORES_V3_MAX_LIMIT).default(SCORES_V3_DEFAULT_LIMIT),
  cursor: text.optional(),
  fields: text.optional(),
  id: text.optional(),
  name: text.optional(),
  source: text.optional(),
  dataType: text.optional(),
  environment: text.optional(),
  configId: text.optional(),
  traceId: text.optional(),
  sessionId: text.optional(),
  observationId: text.optional(),
  fromTimestamp: isoTime.optional(),
  toTimestamp: isoTime.optional(),
});

/** The requested field groups; null when one is unknown (v3 answers 400 then). */
function fieldGroups(fields: string | undefined): Set<ScoreV3Group> | null {
  const groups = new Set<ScoreV3Group>();
  for (const name of commaValues(fields) ?? []) {
    if (!(SCORE_V3_GROUPS as readonly string[]).includes(name)) return null;
    groups.add(name as ScoreV3Group);
  }
  return groups;
}

/**
 * `GET /api/public/v3/scores`: newest first by (timestamp, id), cursor pages of at most 100,
 * `[fromTimestamp, toTimestamp)`, comma-separated list filters. As Langfuse: an unknown field
 * group or a limit above 100 is a 400, observationId needs traceId, and sessionId excludes
 * traceId and observationId.
 */
export function listScoresV3(context: EndpointContext): Response {
  const query = parseScoresQuery(schema, UNSUPPORTED, context.url.searchParams);
  if (!query.ok) return query.response;
  const q = query.value;
  const groups = fieldGroups(q.fields);
  if (groups === null) return badRequest(`Unknown field group in fields=${q.fields}`);
  if (q.observationId !== undefined && q.traceId === undefined) {
    return badRequest('observationId requires traceId');
  }
  if (q.sessionId !== undefined && (q.traceId !== undefined || q.observationId !== undefined)) {
    return badRequest('sessionId cannot be combined with traceId or observationId');
  }
  const scores = context.store.scores();
  const range = timeRange(scores, (s) => s.timestamp, q.fromTimestamp, q.toTimestamp);
  let start = range.start;
  if (q.cursor !== undefined) {
    const position = decodeScoreCursor(q.cursor);
    if (position === null) return badRequest('Invalid cursor', [{ path: ['cursor'] }]);
    start = Math.max(
      start,
      firstIndexWhere(scores, (s) => compareScorePositions(s, position) > 0),
    );
  }
  const matches = scorePredicate({
    ids: commaValues(q.id),
    names: commaValues(q.name),
    sources: commaValues(q.source),
    dataTypes: commaValues(q.dataType),
    environments: commaValues(q.environment),
    configIds: commaValues(q.configId),
    traceIds: commaValues(q.traceId),
    sessionIds: commaValues(q.sessionId),
    observationIds: commaValues(q.observationId),
  });
  // One row beyond the page tells whether another page exists, so a last full page has no cursor.
  const rows: ScoreRecord[] = [];
  for (let index = start; index < range.end && rows.length <= q.limit; index++) {
    const score = scores[index] as ScoreRecord;
    if (matches === null || matches(score)) rows.push(score);
  }
  const hasMore = rows.length > q.limit;
  if (hasMore) rows.length = q.limit;
  const data = rows.map((s) =>
    context.present(v3Score(s, groups, context.options.projectId), s.id),
  );
  const last = rows[rows.length - 1];
  const meta = { limit: q.limit, ...(hasMore && last ? { cursor: encodeScoreCursor(last) } : {}) };
  return json(200, { data, meta });
}
