import { z } from 'zod';
import { timeRange } from '../data/search';
import { isoTime, stringList, text } from '../http/query';
import { json } from '../http/responses';
import { legacyScore } from '../serialize/scores';
import type { EndpointContext } from './context';
import { filteredPage, legacyPaging } from './paging';
import { commaValues, parseScoresQuery, scorePredicate } from './score-filters';

const UNSUPPORTED = [
  'operator',
  'value',
  'queueId',
  'datasetRunId',
  'traceTags',
  'filter',
  'userId',
];

const schema = z.object({
  ...legacyPaging,
  name: text.optional(),
  source: z.enum(['ANNOTATION', 'API', 'EVAL']).optional(),
  dataType: z.enum(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'CORRECTION', 'TEXT']).optional(),
  scoreIds: text.optional(),
  configId: text.optional(),
  sessionId: text.optional(),
  traceId: text.optional(),
  observationId: text.optional(),
  environment: stringList.optional(),
  fromTimestamp: isoTime.optional(),
  toTimestamp: isoTime.optional(),
  fields: text.optional(),
});

/**
 * `GET /api/public/v2/scores` (legacy): page/limit (at most 100), newest first by timestamp,
 * `[fromTimestamp, toTimestamp)`, every row with its trace's properties.
 */
export function listScoresLegacy(context: EndpointContext): Response {
  const query = parseScoresQuery(schema, UNSUPPORTED, context.url.searchParams);
  if (!query.ok) return query.response;
  const q = query.value;
  const { store } = context;
  const scores = store.scores();
  const range = timeRange(scores, (s) => s.timestamp, q.fromTimestamp, q.toTimestamp);
  const one = (value: string | undefined) => (value === undefined ? undefined : [value]);
  const matches = scorePredicate({
    ids: commaValues(q.scoreIds),
    names: one(q.name),
    sources: one(q.source),
    dataTypes: one(q.dataType),
    configIds: one(q.configId),
    sessionIds: one(q.sessionId),
    traceIds: one(q.traceId),
    observationIds: commaValues(q.observationId),
    environments: q.environment,
  });
  const { page, meta } = filteredPage(scores, range, matches, q);
  const data = page.map((s) =>
    context.present(legacyScore(s, s.traceId === null ? undefined : store.trace(s.traceId)), s.id),
  );
  return json(200, { data, meta });
}
