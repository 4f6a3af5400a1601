import { modelMetricsWire } from '../analytics/wire/metrics';
import { defineRoute, periodOf } from './define-route';
import { periodQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/metrics/models`: cost and tokens by model. */
export const modelMetricsRoute = defineRoute({
  method: 'GET',
  path: '/api/metrics/models',
  operationId: 'getModelMetrics',
  summary: 'Cost and tokens by model',
  description:
    'Calls, cost (USD) and tokens per model over the period, by cost descending, with the totals.',
  tags: ['metrics'],
  dataAsOf: true,
  schemas: { query: periodQuery, response: { 200: modelMetricsWire, ...commonErrors } },
  async handler({ analytics, query }) {
    return { status: 200, body: await analytics.getModelMetrics(periodOf(query)) };
  },
});
