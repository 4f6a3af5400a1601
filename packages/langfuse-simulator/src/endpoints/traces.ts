import type { TraceRecord } from '@cupid-dashboard/core';
import { z } from 'zod';
import { timeRange } from '../data/search';
import { isoTime, parseQuery, stringList, text } from '../http/query';
import { badRequest, json } from '../http/responses';
import { legacyTraceListItem } from '../serialize/legacy';
import type { EndpointContext } from './context';
import { filteredPage, legacyPaging } from './paging';
import { allOf } from './predicates';
import { parseTraceGroups } from './trace-fields';
import { parseTraceOrder, sortTraces } from './trace-order';

const schema = z.object({
  ...legacyPaging,
  userId: text.optional(),
  name: text.optional(),
  sessionId: text.optional(),
  fromTimestamp: isoTime.optional(),
  toTimestamp: isoTime.optional(),
  orderBy: text.optional(),
  tags: stringList.optional(),
  version: text.optional(),
  release: text.optional(),
  environment: stringList.optional(),
  fields: text.optional(),
  filter: text.optional(),
});

/**
 * `GET /api/public/traces`: newest first unless `orderBy` says otherwise, time range
 * `[fromTimestamp, toTimestamp)`, each row with latency and cost from its observations.
 */
export function listTraces(context: EndpointContext): Response {
  const query = parseQuery(schema, context.url.searchParams);
  if (!query.ok) return query.response;
  const q = query.value;
  if (q.filter !== undefined) {
    return badRequest('The simulator does not support the structured `filter` parameter.');
  }
  const order = parseTraceOrder(q.orderBy);
  if (order === null) {
    return badRequest('Invalid orderBy: expected <field>.<asc|desc>', [
      { path: ['orderBy'], message: `unsupported value ${q.orderBy}` },
    ]);
  }
  const traces = context.store.traces();
  const range = timeRange(traces, (t) => t.timestamp, q.fromTimestamp, q.toTimestamp);
  const matches = allOf<TraceRecord>([
    q.userId !== undefined && ((t) => t.userId === q.userId),
    q.name !== undefined && ((t) => t.name === q.name),
    q.sessionId !== undefined && ((t) => t.sessionId === q.sessionId),
    q.version !== undefined && ((t) => t.version === q.version),
    q.release !== undefined && ((t) => t.release === q.release),
    q.environment && ((t) => q.environment?.includes(t.environment) ?? true),
    q.tags && ((t) => q.tags?.every((tag) => t.tags.includes(tag)) ?? true),
  ]);
  let result: ReturnType<typeof filteredPage<TraceRecord>>;
  if (order.field === 'timestamp' && order.direction === 'desc') {
    result = filteredPage(traces, range, matches, q);
  } else {
    const selected = traces.slice(range.start, range.end).filter(matches ?? (() => true));
    const sorted = sortTraces(selected, order);
    result = filteredPage(sorted, { start: 0, end: sorted.length }, null, q);
  }
  const groups = parseTraceGroups(q.fields);
  const { projectId } = context.options;
  const data = result.page.map((trace) =>
    context.present(
      legacyTraceListItem(trace, context.store.traceMetrics(trace.id), groups, projectId),
      trace.id,
    ),
  );
  return json(200, { data, meta: result.meta });
}
