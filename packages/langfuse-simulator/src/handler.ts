import type { SimulatorStore } from './data/store';
import type { FaultController } from './faults/controller';
import { withCursor } from './faults/repeat-cursor';
import type { FaultSpec } from './faults/types';
import { checkBasicAuth } from './http/auth';
import { queryObject } from './http/query';
import { type RateLimiter, rateLimited } from './http/rate-limit';
import {
  methodNotAllowed,
  networkError,
  notFound,
  serverError,
  unauthorized,
} from './http/responses';
import { matchRoute, type Route } from './http/routes';
import type { ResolvedOptions } from './options';
import type { RequestLog } from './request-log';

/** What the one request handler works with. */
export interface HandlerDeps {
  options: ResolvedOptions;
  store: SimulatorStore;
  faults: FaultController;
  limiter: RateLimiter;
  log: RequestLog;
}

function faultResponse(fault: FaultSpec, route: Route | undefined, deps: HandlerDeps, now: number) {
  switch (fault.kind) {
    case 'drop_connection':
      return networkError();
    case 'server_error':
      return serverError(fault.status ?? 500);
    case 'rate_limit': {
      const retryAfterMs = (fault.retryAfterSeconds ?? 1) * 1000;
      const limit = route?.bucket ? (deps.limiter.limitOf(route.bucket) ?? 0) : 0;
      return rateLimited({ limit, remaining: 0, resetAt: now + retryAfterMs }, now);
    }
    default:
      return null;
  }
}

function generationMissing(route: Route, options: ResolvedOptions): Response | null {
  if (route.generation === 'legacy' && !options.legacy) {
    return notFound('This endpoint is not available: the server runs Langfuse v4 (events only).');
  }
  if (route.generation === 'v2' && !options.v2) {
    return notFound('The v2 observations API needs a Langfuse v4 write mode on this server.');
  }
  return null;
}

/**
 * The one handler every transport (msw, in-process fetch, node:http) drives: a web-standard
 * Request in, a Response out. `Response.error()` stands for a dropped connection.
 */
export function createHandler(deps: HandlerDeps): (request: Request) => Promise<Response> {
  const { options, store, faults, limiter, log } = deps;
  return async (request) => {
    const url = new URL(request.url);
    const at = options.now();
    const route = matchRoute(url.pathname);
    const requestFaults = faults.forRequest(url.pathname);
    const presenter = faults.presenter(url.pathname);
    const finish = (response: Response): Response => {
      const kinds = [...requestFaults.kinds];
      if (presenter.used()) kinds.push('malformed');
      log.add({
        method: request.method,
        path: url.pathname,
        query: queryObject(url.searchParams),
        status: response.type === 'error' ? 0 : response.status,
        endpoint: route?.name ?? 'unknown',
        ...(kinds.length > 0 ? { fault: kinds } : {}),
        at,
      });
      return response;
    };

    const delayMs = options.latencyMs + requestFaults.delayMs;
    if (delayMs > 0) await options.sleep(delayMs, request.signal);
    const now = options.now();
    if (requestFaults.terminal) {
      const response = faultResponse(requestFaults.terminal, route, deps, now);
      if (response) return finish(response);
    }
    if (!route) return finish(notFound(`No endpoint at ${url.pathname}`));
    if (request.method !== 'GET') return finish(methodNotAllowed());
    const missing = generationMissing(route, options);
    if (missing) return finish(missing);
    if (route.auth) {
      const problem = checkBasicAuth(
        request.headers.get('authorization'),
        options.publicKey,
        options.secretKey,
      );
      if (problem) return finish(unauthorized(problem));
    }
    if (route.bucket) {
      const limited = limiter.take(route.bucket, now);
      if (limited) return finish(rateLimited(limited, now));
    }
    const response = route.run({ url, store, options, present: presenter.present });
    const cursor = url.searchParams.get('cursor');
    if (
      cursor &&
      response.status === 200 &&
      route.name === 'GET /api/public/v2/observations' &&
      faults.repeatsCursor(url.pathname)
    ) {
      requestFaults.kinds.push('repeat_cursor');
      return finish(await withCursor(response, cursor));
    }
    return finish(response);
  };
}
