import { sessionStatsWire } from '../analytics/wire/sessions';
import { defineRoute, periodOf } from './define-route';
import { periodQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/sessions/stats`: status counts, completion, durations, cost, users, funnel. */
export const sessionStatsRoute = defineRoute({
  method: 'GET',
  path: '/api/sessions/stats',
  operationId: 'getSessionStats',
  summary: 'Session statistics',
  description:
    'Counts by status, completion rate, duration (avg, median; ms), cost (USD), unique users and the chapter funnel of the sessions started in the period.',
  tags: ['sessions'],
  dataAsOf: true,
  schemas: { query: periodQuery, response: { 200: sessionStatsWire, ...commonErrors } },
  async handler({ analytics, query }) {
    return { status: 200, body: await analytics.getSessionStats(periodOf(query)) };
  },
});
