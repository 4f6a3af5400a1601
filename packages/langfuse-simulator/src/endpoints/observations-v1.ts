import { z } from 'zod';
import { timeRange } from '../data/search';
import { parseQuery } from '../http/query';
import { badRequest, json } from '../http/responses';
import { legacyObservationView } from '../serialize/legacy';
import type { EndpointContext } from './context';
import { observationFilterSchema, observationPredicate } from './observation-filters';
import { filteredPage, legacyPaging } from './paging';

const schema = z.object({ ...legacyPaging, ...observationFilterSchema });

/**
 * `GET /api/public/observations` (legacy v1): page/limit, newest first by start time,
 * `[fromStartTime, toStartTime)`.
 */
export function listObservationsV1(context: EndpointContext): Response {
  const query = parseQuery(schema, context.url.searchParams);
  if (!query.ok) return query.response;
  const q = query.value;
  if (q.filter !== undefined) {
    return badRequest('The simulator does not support the structured `filter` parameter.');
  }
  const { store } = context;
  const observations = store.observations();
  const range = timeRange(observations, (o) => o.startTime, q.fromStartTime, q.toStartTime);
  const matches = observationPredicate(q, (o) =>
    o.traceId === null ? undefined : store.trace(o.traceId),
  );
  const { page, meta } = filteredPage(observations, range, matches, q);
  const data = page.map((o) => context.present(legacyObservationView(o), o.id));
  return json(200, { data, meta });
}
