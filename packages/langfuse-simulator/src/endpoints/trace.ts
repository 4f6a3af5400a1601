import { z } from 'zod';
import { parseQuery, text } from '../http/query';
import { json, notFound } from '../http/responses';
import { legacyObservationView, legacyTraceBase } from '../serialize/legacy';
import type { EndpointContext } from './context';
import { parseTraceGroups } from './trace-fields';

const schema = z.object({ fields: text.optional() });

/** `GET /api/public/traces/{traceId}`: the trace with its observations in full; 404 if unknown. */
export function getTrace(context: EndpointContext, traceId: string): Response {
  const query = parseQuery(schema, context.url.searchParams);
  if (!query.ok) return query.response;
  const trace = context.store.trace(traceId);
  if (!trace) return notFound(`Trace ${traceId} not found within authorized project`);
  const groups = parseTraceGroups(query.value.fields);
  const metrics = context.store.traceMetrics(trace.id);
  const withMetrics = groups.has('metrics');
  const body = {
    ...legacyTraceBase(trace, groups),
    htmlPath: `/project/${context.options.projectId}/traces/${trace.id}`,
    latency: withMetrics ? metrics.latencySeconds : -1,
    totalCost: withMetrics ? metrics.totalCost : -1,
    observations: groups.has('observations')
      ? metrics.observations.map((o) => legacyObservationView(o))
      : [],
    scores: [],
  };
  return json(200, context.present(body, trace.id));
}
