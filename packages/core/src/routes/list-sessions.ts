import { sessionListWire } from '../analytics/wire/sessions';
import { defineRoute, sessionFiltersOf } from './define-route';
import { sessionListQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/sessions`: the paginated, filtered, sorted session list. */
export const listSessionsRoute = defineRoute({
  method: 'GET',
  path: '/api/sessions',
  operationId: 'listSessions',
  summary: 'List sessions',
  description:
    'Sessions started in the period, filtered by status, search text, user and score, sorted and paginated, each with its scores by name. Durations in ms, costs in USD. score alone keeps sessions with a score of that name; with score_min / score_max, those whose mean of it is within the bounds (inclusive); with score_value, those with a score of that value.',
  tags: ['sessions'],
  dataAsOf: true,
  schemas: { query: sessionListQuery, response: { 200: sessionListWire, ...commonErrors } },
  async handler({ analytics, query }) {
    const body = await analytics.listSessions({
      ...sessionFiltersOf(query),
      page: query.page,
      limit: query.limit,
    });
    return { status: 200, body };
  },
});
