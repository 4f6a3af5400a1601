import { z } from 'zod';
import { agentChartsWire } from '../analytics/wire/agents';
import { agentParams } from './agent-detail';
import { defineRoute, periodOf } from './define-route';
import { RouteError } from './errors';
import { bucketParam, periodShape, tzParam, withPeriodCheck } from './query';
import { pathErrors } from './responses';

/** `GET /api/agents/:agent_name/charts`: one agent's series per bucket. */
export const agentChartsRoute = defineRoute({
  method: 'GET',
  path: '/api/agents/:agent_name/charts',
  operationId: 'getAgentCharts',
  summary: 'Agent time series',
  description:
    'Calls, errors, latency p50/p95 (ms), cost (USD) and tokens per bucket (starting at local midnights or hours of tz, default UTC), zero-filled. 404 when the agent never ran; 422 on bucket when the period holds too many buckets.',
  tags: ['agents'],
  dataAsOf: true,
  schemas: {
    params: agentParams,
    query: withPeriodCheck(z.object({ ...periodShape, bucket: bucketParam, tz: tzParam })),
    response: { 200: agentChartsWire, ...pathErrors },
  },
  async handler({ analytics, params, query }) {
    const body = await analytics.getAgentCharts(params.agent_name, {
      ...periodOf(query),
      bucket: query.bucket,
    });
    if (body === null) throw new RouteError('NOT_FOUND', `Agent not found: ${params.agent_name}`);
    return { status: 200, body };
  },
});
