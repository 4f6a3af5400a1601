import type { ObservationRecord } from '@cupid-dashboard/core';
import { z } from 'zod';
import { compareObservationPositions } from '../data/order';
import { firstIndexWhere, timeRange } from '../data/search';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { parseQuery, text } from '../http/query';
import { badRequest, json } from '../http/responses';
import { parseFieldGroups, v2Observation } from '../serialize/v2';
import type { EndpointContext } from './context';
import { observationFilterSchema, observationPredicate } from './observation-filters';

/** v2 page size bounds: default 50, at most 1000 (more is a 400). */
export const V2_DEFAULT_LIMIT = 50;
export const V2_MAX_LIMIT = 1000;

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

const schema = z.object({
  ...observationFilterSchema,
  limit: z.coerce.number().int().min(1).max(V2_MAX_LIMIT).default(V2_DEFAULT_LIMIT),
  cursor: text.optional(),
  fields: text.optional(),
  expandMetadata: text.optional(),
  parseIoAsJson: booleanText.optional(),
  sessionId: text.optional(),
  isRootObservation: booleanText.optional(),
});

/**
 * `GET /api/public/v2/observations`: newest first by (startTime, traceId, id), cursor pages.
 * The index range is found by binary search (time bounds and cursor), so a page costs
 * O(log N + rows scanned); only non-time filters scan.
 */
export function listObservationsV2(context: EndpointContext): Response {
  const query = parseQuery(schema, context.url.searchParams);
  if (!query.ok) return query.response;
  const q = query.value;
  if (q.parseIoAsJson === true) {
    return badRequest('parseIoAsJson is no longer supported: input and output are raw strings.');
  }
  if (q.filter !== undefined) {
    return badRequest('The simulator does not support the structured `filter` parameter.');
  }
  const { store } = context;
  const observations = store.observations();
  const range = timeRange(observations, (o) => o.startTime, q.fromStartTime, q.toStartTime);
  let start = range.start;
  if (q.cursor !== undefined) {
    const position = decodeCursor(q.cursor);
    if (position === null) return badRequest('Invalid cursor', [{ path: ['cursor'] }]);
    const afterCursor = firstIndexWhere(
      observations,
      (o) => compareObservationPositions(o, position) > 0,
    );
    start = Math.max(start, afterCursor);
  }
  const matches = observationPredicate(q, (o) =>
    o.traceId === null ? undefined : store.trace(o.traceId),
  );
  // One row beyond the page tells whether another page exists, so a last full page has no cursor.
  const rows: ObservationRecord[] = [];
  for (let index = start; index < range.end && rows.length <= q.limit; index++) {
    const observation = observations[index] as ObservationRecord;
    if (matches === null || matches(observation)) rows.push(observation);
  }
  const hasMore = rows.length > q.limit;
  if (hasMore) rows.length = q.limit;
  const groups = parseFieldGroups(q.fields);
  const expandMetadata = new Set(
    (q.expandMetadata ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
  );
  const data = rows.map((o) =>
    context.present(
      v2Observation(o, {
        projectId: context.options.projectId,
        trace: o.traceId === null ? undefined : store.trace(o.traceId),
        groups,
        expandMetadata,
      }),
      o.id,
    ),
  );
  const last = rows[rows.length - 1];
  const meta = hasMore && last ? { cursor: encodeCursor(last) } : {};
  return json(200, { data, meta });
}
