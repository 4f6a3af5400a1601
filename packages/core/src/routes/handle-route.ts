import { errorResult } from './error-response';
import type { FieldError } from './errors';
import { RouteError } from './errors';
import type { AnyDashboardRoute, RouteEnvironment, RouteInput, RouteResult } from './types';
import { parsePart } from './validation';

/**
 * Runs one route for one request, framework-neutral: validates params, query and body with the
 * route's zod schemas (every invalid field in one 422), calls the handler, adds `X-Data-As-Of`
 * where the route asks for it, and maps every failure to a JSON error answer (`errorResult`).
 * Never rejects.
 *
 * @param input raw values as the framework parsed them (path params already percent-decoded)
 * @param environment the dashboard, `readOnly` (default false), `logger` (default `console`)
 * @example
 * const result = await handleRoute(route, { params: req.params, query: req.query }, { dashboard });
 * res.status(result.status).set(result.headers ?? {}).json(result.body);
 */
export async function handleRoute(
  route: AnyDashboardRoute,
  input: RouteInput,
  environment: RouteEnvironment,
): Promise<RouteResult> {
  const logger = environment.logger ?? console;
  try {
    const errors: FieldError[] = [];
    const params = parsePart(route.schemas.params, input.params ?? {}, 'path', errors);
    const query = parsePart(route.schemas.query, input.query ?? {}, 'query', errors);
    const body = parsePart(route.schemas.body, input.body, 'body', errors);
    if (errors.length > 0) {
      throw new RouteError('VALIDATION_ERROR', 'Request validation failed', errors);
    }
    const result = await route.handler({ ...environment, params, query, body });
    if (!route.dataAsOf) return result;
    const asOf = await environment.dashboard.analytics.getDataAsOf();
    if (asOf === null) return result;
    return {
      ...result,
      headers: { ...result.headers, 'X-Data-As-Of': new Date(asOf).toISOString() },
    };
  } catch (error) {
    return errorResult(error, logger);
  }
}
