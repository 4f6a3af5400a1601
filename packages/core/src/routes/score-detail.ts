import { z } from 'zod';
import { scoreDetailWire } from '../analytics/wire/scores';
import { QUERY_BOUNDS } from '../store/bounds';
import { defineRoute, periodOf } from './define-route';
import { RouteError } from './errors';
import { bucketParam, intParam, periodShape, tzParam, withPeriodCheck } from './query';
import { pathErrors } from './responses';

/** `GET /api/scores/:score_name`: one score name in depth. */
export const scoreDetailRoute = defineRoute({
  method: 'GET',
  path: '/api/scores/:score_name',
  operationId: 'getScore',
  summary: 'Score detail',
  description:
    'One score name over the period: its statistics, a zero-filled series (buckets start at local midnights or hours of tz), the distribution (ten histogram bars for NUMERIC values, value counts for BOOLEAN and CATEGORICAL), the scores on observations by agent and by model, and the sessions with the lowest mean. A name with scores only outside the period answers zeros; 404 (code NOT_FOUND) when the name never had a score.',
  tags: ['scores'],
  dataAsOf: true,
  schemas: {
    params: z.object({
      score_name: z.string().min(1).describe('Score name, percent-encoded'),
    }),
    query: withPeriodCheck(
      z.object({
        ...periodShape,
        bucket: bucketParam,
        tz: tzParam,
        lowest_sessions_limit: intParam(
          'lowest_sessions_limit',
          QUERY_BOUNDS.lowestSessionsLimit,
        ).describe('How many lowest-scoring sessions to list'),
      }),
    ),
    response: { 200: scoreDetailWire, ...pathErrors },
  },
  async handler({ analytics, params, query }) {
    const body = await analytics.getScore(params.score_name, {
      ...periodOf(query),
      bucket: query.bucket,
      lowestSessionsLimit: query.lowest_sessions_limit,
    });
    if (body === null) throw new RouteError('NOT_FOUND', `Score not found: ${params.score_name}`);
    return { status: 200, body };
  },
});
