import type { z } from 'zod';
import type { PeriodQuery } from '../analytics/period';
import type { SessionExportQuery } from '../analytics/types';
import { type QueryTime, queryTimeToEpoch } from './query';
import { scoreFilterOf } from './score-query';
import type { AnyDashboardRoute, DashboardRoute } from './types';

/**
 * Declares a route with its handler typed from its schemas, and returns it type-erased so routes
 * of different shapes fit one array.
 *
 * @example
 * export const pingRoute = defineRoute({ method: 'GET', path: '/api/ping', operationId: 'ping',
 *   summary: 'Ping', tags: ['ops'], schemas: { response: { 200: z.object({}) } },
 *   handler: async () => ({ status: 200, body: {} }) });
 */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
>(route: DashboardRoute<P, Q, B>): AnyDashboardRoute {
  return route as unknown as AnyDashboardRoute;
}

/**
 * The period fields of a validated query, as the analytics service takes them: dates become
 * local midnights of the query's `tz` (UTC on routes without one), which goes along too.
 */
export function periodOf(query: {
  time_range: PeriodQuery['timeRange'];
  from?: QueryTime;
  to?: QueryTime;
  tz?: string;
}): PeriodQuery {
  const epoch = (time: QueryTime | undefined) =>
    time === undefined ? undefined : queryTimeToEpoch(time, query.tz);
  const period: PeriodQuery = {
    timeRange: query.time_range,
    from: epoch(query.from),
    to: epoch(query.to),
  };
  if (query.tz !== undefined) period.timeZone = query.tz;
  return period;
}

/** The period, filters and sort of a validated session query, shared by the list and the export. */
export function sessionFiltersOf(query: {
  time_range: PeriodQuery['timeRange'];
  from?: QueryTime;
  to?: QueryTime;
  status: SessionExportQuery['status'];
  search?: string;
  user_id?: string;
  score?: string;
  score_min?: number;
  score_max?: number;
  score_value?: string;
  sort: SessionExportQuery['sort'];
  order: SessionExportQuery['order'];
}): SessionExportQuery {
  return {
    ...periodOf(query),
    status: query.status,
    search: query.search,
    userId: query.user_id,
    score: scoreFilterOf(query),
    sort: query.sort,
    order: query.order,
  };
}
