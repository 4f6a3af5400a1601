import { errorResult } from './error-response';
import type { FieldError } from './errors';
import { RouteError } from './errors';
import type { AnyDashboardRoute, RouteEnvironment, RouteInput, RouteResult } from './types';
import { parsePart } from './validation';

/**
 * Runs one route for one request, framework-neutral: validates params, query and body with the
 * route's zod schemas (every invalid field in one 422), calls the handler (a `dataAsOf` route on
 * one snapshot of the store, adding that snapshot's `X-Data-As-Of`), and maps every failure to a
 * JSON error answer (`errorResult`). Never rejects.
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
    if (!route.dataAsOf) {
      const { analytics } = environment.dashboard;
      return await route.handler({ ...environment, analytics, params, query, body });
    }
    const snapshot = await environment.dashboard.analytics.snapshot((analytics) =>
      route.handler({ ...environment, analytics, params, query, body }),
    );
    const result = snapshot.value;
    if (snapshot.lastSuccessAt === null) return result;
    return {
      ...result,
      headers: {
        ...result.headers,
        'X-Data-As-Of': new Date(snapshot.lastSuccessAt).toISOString(),
      },
    };
  } catch (error) {
    return errorResult(error, logger);
  }
}
