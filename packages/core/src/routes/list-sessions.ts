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
    'Sessions started in the period, filtered by status, search text and user, sorted and paginated. Durations in ms, costs in USD.',
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
