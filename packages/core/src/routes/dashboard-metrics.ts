import { z } from 'zod';
import { dashboardMetricsWire } from '../analytics/wire/metrics';
import { QUERY_BOUNDS } from '../store/bounds';
import { defineRoute, periodOf } from './define-route';
import { bucketParam, intParam, periodShape, tzParam, withPeriodCheck } from './query';
import { commonErrors } from './responses';

/** `GET /api/metrics/dashboard`: KPIs beside the previous period, series, top agents, models, funnel. */
export const dashboardMetricsRoute = defineRoute({
  method: 'GET',
  path: '/api/metrics/dashboard',
  operationId: 'getDashboardMetrics',
  summary: 'Dashboard metrics',
  description:
    'KPIs for the period beside the previous period of the same length (value, previous, delta, delta_pct), a zero-filled time series (buckets start at local midnights or hours of tz), top agents by calls, cost by model (USD) and the chapter funnel.',
  tags: ['metrics'],
  dataAsOf: true,
  schemas: {
    query: withPeriodCheck(
      z.object({
        ...periodShape,
        bucket: bucketParam,
        tz: tzParam,
        top_agents: intParam('top_agents', QUERY_BOUNDS.topAgentsLimit).describe(
          'How many top agents to list',
        ),
      }),
    ),
    response: { 200: dashboardMetricsWire, ...commonErrors },
  },
  async handler({ analytics, query }) {
    const body = await analytics.getDashboardMetrics({
      ...periodOf(query),
      bucket: query.bucket,
      topAgentsLimit: query.top_agents,
    });
    return { status: 200, body };
  },
});
