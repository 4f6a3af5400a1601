import { agentListWire } from '../analytics/wire/agents';
import { defineRoute, periodOf } from './define-route';
import { periodQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/agents`: every agent with a call in the period. */
export const listAgentsRoute = defineRoute({
  method: 'GET',
  path: '/api/agents',
  operationId: 'listAgents',
  summary: 'List agents',
  description:
    'Every agent (observation name) with a call in the period, by calls descending: category, calls, sessions, errors, latency avg/p50/p95/p99 (ms), cost (USD), tokens, last seen.',
  tags: ['agents'],
  dataAsOf: true,
  schemas: { query: periodQuery, response: { 200: agentListWire, ...commonErrors } },
  async handler({ analytics, query }) {
    return { status: 200, body: await analytics.listAgents(periodOf(query)) };
  },
});
