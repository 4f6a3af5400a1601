import type { SessionRecord } from '@cupid-dashboard/core';
import { z } from 'zod';
import { timeRange } from '../data/search';
import { isoTime, parseQuery, stringList } from '../http/query';
import { json } from '../http/responses';
import { legacySession } from '../serialize/legacy';
import type { EndpointContext } from './context';
import { filteredPage, legacyPaging } from './paging';
import { allOf } from './predicates';

const schema = z.object({
  ...legacyPaging,
  fromTimestamp: isoTime.optional(),
  toTimestamp: isoTime.optional(),
  environment: stringList.optional(),
});

/** `GET /api/public/sessions`: newest first (createdAt desc), `[fromTimestamp, toTimestamp)`. */
export function listSessions(context: EndpointContext): Response {
  const query = parseQuery(schema, context.url.searchParams);
  if (!query.ok) return query.response;
  const { fromTimestamp, toTimestamp, environment } = query.value;
  const sessions = context.store.sessions();
  const range = timeRange(sessions, (s) => s.createdAt, fromTimestamp, toTimestamp);
  const matches = allOf<SessionRecord>([
    environment && ((s) => environment.includes(s.environment)),
  ]);
  const { page, meta } = filteredPage(sessions, range, matches, query.value);
  const data = page.map((s) => context.present(legacySession(s, context.options.projectId), s.id));
  return json(200, { data, meta });
}
