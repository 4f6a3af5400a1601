import { z } from 'zod';
import { defineRoute } from './define-route';
import { RouteError } from './errors';
import { errorBody } from './responses';

/**
 * `GET /metrics` (at the mount root, beside `/health`): the host's metrics in its exposition
 * format (Prometheus text with the Express adapter's `metrics` option), or 404 when the host
 * turned metrics off, which is the default.
 */
export const metricsRoute = defineRoute({
  method: 'GET',
  path: '/metrics',
  operationId: 'getMetrics',
  summary: 'Prometheus metrics',
  description:
    'Prometheus text exposition (0.0.4): HTTP requests and durations by route and status, sync runs by outcome and duration, records synced by kind, Langfuse requests, retries and 429s, the data lag and the stored rows. Off unless the host turns it on (then 404 NOT_FOUND).',
  tags: ['health'],
  schemas: {
    response: { 200: z.string(), 401: errorBody, 403: errorBody, 404: errorBody, 500: errorBody },
    media: { 200: { 'text/plain': z.string().describe('Prometheus text format 0.0.4') } },
  },
  async handler({ metrics }) {
    if (!metrics) throw new RouteError('NOT_FOUND', 'Metrics are not enabled on this dashboard');
    const text = await metrics.render();
    return {
      status: 200,
      body: null,
      headers: { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' },
      stream: (async function* exposition() {
        yield text;
      })(),
    };
  },
});
