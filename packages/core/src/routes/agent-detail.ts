import { z } from 'zod';
import { agentDetailWire } from '../analytics/wire/agents';
import { QUERY_BOUNDS } from '../store/bounds';
import { defineRoute, periodOf } from './define-route';
import { RouteError } from './errors';
import { intParam, periodShape, withPeriodCheck } from './query';
import { pathErrors } from './responses';

/** Path parameter of the agent routes. */
export const agentParams = z.object({
  agent_name: z.string().min(1).describe('Agent (observation) name, percent-encoded'),
});

/** `GET /api/agents/:agent_name`: one agent with its models and recent errors. */
export const agentDetailRoute = defineRoute({
  method: 'GET',
  path: '/api/agents/:agent_name',
  operationId: 'getAgent',
  summary: 'Agent detail',
  description:
    'One agent over the period: the list fields plus models used and recent errors (newest first). 404 when the agent never ran.',
  tags: ['agents'],
  dataAsOf: true,
  schemas: {
    params: agentParams,
    query: withPeriodCheck(
      z.object({
        ...periodShape,
        recent_errors_limit: intParam(
          'recent_errors_limit',
          QUERY_BOUNDS.recentErrorsLimit,
        ).describe('How many recent errors to list'),
      }),
    ),
    response: { 200: agentDetailWire, ...pathErrors },
  },
  async handler({ analytics, params, query }) {
    const body = await analytics.getAgent(params.agent_name, {
      ...periodOf(query),
      recentErrorsLimit: query.recent_errors_limit,
    });
    if (body === null) throw new RouteError('NOT_FOUND', `Agent not found: ${params.agent_name}`);
    return { status: 200, body };
  },
});
