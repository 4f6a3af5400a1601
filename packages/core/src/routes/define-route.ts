import type { z } from 'zod';
import type { PeriodQuery } from '../analytics/period';
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

/** The period fields of a validated query, as the analytics service takes them. */
export function periodOf(query: {
  time_range: PeriodQuery['timeRange'];
  from?: number;
  to?: number;
}): PeriodQuery {
  return { timeRange: query.time_range, from: query.from, to: query.to };
}
