import { errorResult } from './error-response';
import type { FieldError } from './errors';
import { RouteError } from './errors';
import { answerFromSnapshot } from './snapshot-answer';
import { primeStream } from './stream-body';
import type { AnyDashboardRoute, RouteEnvironment, RouteInput, RouteResult } from './types';
import { parsePart } from './validation';

/**
 * Runs one route for one request, framework-neutral: validates params, query and body with the
 * route's zod schemas (every invalid field in one 422), calls the handler (a `dataAsOf` route on
 * one snapshot, through the dashboard's answer cache with `ETag` and 304 when it has one, adding
 * `X-Data-As-Of`), reads a streamed body's first chunk (see `primeStream`), and maps every failure to a JSON error answer (`errorResult`). Never rejects.
 *
 * @param input raw values as the framework parsed them (path params already percent-decoded)
 * @param environment the dashboard, `readOnly` (default false), `logger` (default `console`)
 * @example
 * const input = { params: req.params, query: req.query, headers: req.headers };
 * const result = await handleRoute(route, input, { dashboard });
 * res.status(result.status).set(result.headers ?? {});
 * if (result.status === 304) res.end();
 * else if (result.json !== undefined) res.type('json').send(result.json);
 * else res.json(result.body);
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
      const headers = input.headers ?? {};
      const result = await route.handler({
        ...environment,
        analytics,
        headers,
        params,
        query,
        body,
      });
      if (result.stream === undefined) return result;
      return { ...result, stream: await primeStream(result.stream, logger) };
    }
    return await answerFromSnapshot(route, { params, query, body }, input, environment);
  } catch (error) {
    return errorResult(error, logger);
  }
}
