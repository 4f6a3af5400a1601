import { z } from 'zod';
import { scoreListWire } from '../analytics/wire/scores';
import { defineRoute, periodOf } from './define-route';
import { periodShape, tzParam, withPeriodCheck } from './query';
import { commonErrors } from './responses';

/** `GET /api/scores`: every score name with its statistics beside the previous period. */
export const listScoresRoute = defineRoute({
  method: 'GET',
  path: '/api/scores',
  operationId: 'listScores',
  summary: 'List scores',
  description:
    "Every Langfuse score name (evaluations, user feedback, annotations) with a score whose time is in the period or the previous period of the same length: data type, sources, count, mean (for BOOLEAN the share of 'True'), nearest-rank p50 and p95 of NUMERIC values (within 1%), and counts per BOOLEAN or CATEGORICAL value, each beside the same statistics of the previous period.",
  tags: ['scores'],
  dataAsOf: true,
  schemas: {
    query: withPeriodCheck(z.object({ ...periodShape, tz: tzParam })),
    response: { 200: scoreListWire, ...commonErrors },
  },
  async handler({ analytics, query }) {
    return { status: 200, body: await analytics.listScores(periodOf(query)) };
  },
});
