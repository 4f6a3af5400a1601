import { type Dashboard, errorResult, handleRoute, type RouteLogger } from '@cupid-dashboard/core';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { corsHandler, DEFAULT_CORS_ORIGINS } from './cors';
import { docsRoutes } from './docs/docs-routes';
import { locateSwaggerUi } from './docs/locate-swagger-ui';
import { type AuthOption, apiKeyGuard, authGuard } from './guards';
import { dashboardMetrics } from './metrics/dashboard-metrics';
import type { MetricsOptions } from './metrics/options';
import { type RateLimitOption, rateLimiter } from './rate-limit';
import { send } from './send';
import { locateUi } from './ui/locate-ui';
import { uiRoutes } from './ui/ui-routes';

/** Options of {@link dashboardRouter}; every one is off by default. */
export interface DashboardRouterOptions {
  /**
   * The host's auth: middleware `(req, res, next)` (sync or async), or a predicate
   * `(req) => boolean | Promise<boolean>` (false → 401). Always called with `(req, res, next)`:
   * calling `next` or answering makes it middleware, returning `true`/`false` a predicate.
   */
  auth?: AuthOption;
  /**
   * Accepted API keys, sent as `Authorization: Bearer <key>` or `X-API-Key`; others → 401. Keys
   * are trimmed; an empty array or an empty key makes `dashboardRouter` throw `DASHBOARD_CONFIG`.
   */
  apiKeys?: readonly string[];
  /** Allowed browser origins; `true` for the front end's development origins. */
  cors?: { origins: readonly string[] } | true;
  /** Reject `POST /api/sync/trigger` with 403. Default false. */
  readOnly?: boolean;
  /** Where unexpected errors are logged (never returned). Default `console`. */
  logger?: RouteLogger;
  /**
   * Serve the web UI of `@cupid-dashboard/ui` (an optional peer: install it beside this package)
   * at the mount root, its assets under `assets/`. The `auth` hook guards the UI's files as it
   * guards the API. `apiKeys` guard the API only: a browser cannot send a key when it opens a
   * page, so the page (which holds no data) asks for the key and sends it with every call.
   * `dashboardRouter` throws `DASHBOARD_CONFIG` when the package is missing or not built.
   * Default false.
   */
  ui?: boolean;
  /**
   * Serve Prometheus metrics at `GET /metrics` (mount root, behind `auth` and `apiKeys` like every
   * route) and count every request to the dashboard's routes by route template and status. `true`
   * uses a new `prom-client` registry and the prefix `cupid_`; pass `{ registry, prefix }` to
   * choose. Default false: `/metrics` answers 404 `NOT_FOUND` and nothing is counted.
   */
  metrics?: boolean | MetricsOptions;
  /**
   * Limit the API routes per client: at most `limit` requests per `windowMs` (default one minute)
   * for each API key sent, or else each client address (`req.ip`: behind a proxy, set Express's
   * `trust proxy` so it is the client's, not the proxy's). Over it: `429 {detail, code:
   * 'RATE_LIMITED'}` with `Retry-After` in seconds. Counted after the guards: a refused request is
   * answered 401 and not counted. Default: no limit.
   *
   * @example
   * dashboardRouter(dashboard, { rateLimit: { limit: 600 } }); // 600 requests a minute per client
   */
  rateLimit?: RateLimitOption;
  /**
   * Serve an interactive API reference at `api/docs/` under the mount: Swagger UI rendering the
   * served `api/openapi.json`, its files from `swagger-ui-dist` (an optional peer: install it
   * beside this package; nothing comes from a CDN), under a Content-Security-Policy allowing this
   * origin only. Guarded like the UI: the `auth` hook guards the page; with `apiKeys` the page
   * sends the key the UI keeps for the tab, or asks for one. `dashboardRouter` throws
   * `DASHBOARD_CONFIG` when `swagger-ui-dist` is missing. Default false.
   */
  docs?: boolean;
}

/**
 * The dashboard's REST routes as an Express router, to mount at `/` or any prefix. It only
 * translates: validation, handlers and error mapping live in `@cupid-dashboard/core`. Guards,
 * rate limits and CORS apply to the dashboard's own paths only, so a router mounted at `/` leaves
 * the host's other routes alone. Throws a `DashboardError` `DASHBOARD_CONFIG` for an empty
 * `apiKeys` list, an empty key or a `rateLimit` that is not a positive integer.
 *
 * @example
 * app.use('/internal/dashboard', dashboardRouter(dashboard, { auth: requireAdmin, readOnly: true }));
 */
export function dashboardRouter(
  dashboard: Dashboard,
  options: DashboardRouterOptions = {},
): express.Router {
  const router = express.Router();
  const logger = options.logger ?? console;
  const guards: RequestHandler[] = [];
  if (options.apiKeys) guards.push(apiKeyGuard(options.apiKeys));
  const hostAuth = options.auth ? [authGuard(options.auth)] : [];
  guards.push(...hostAuth);
  const metrics = options.metrics
    ? dashboardMetrics(dashboard, options.metrics === true ? {} : options.metrics, logger)
    : null;
  if (options.rateLimit) guards.push(rateLimiter(options.rateLimit));
  const origins = options.cors === true ? DEFAULT_CORS_ORIGINS : options.cors?.origins;
  if (options.ui) {
    const page = { readOnly: options.readOnly ?? false, apiKeys: options.apiKeys !== undefined };
    router.use(uiRoutes(locateUi(), page, hostAuth));
  }

  if (options.docs) {
    router.use(docsRoutes(locateSwaggerUi(), { apiKeys: options.apiKeys !== undefined }, hostAuth));
  }

  for (const route of dashboard.routes) {
    const method = route.method.toLowerCase() as 'get' | 'post';
    const cors = origins ? [corsHandler(origins, `${route.method}, OPTIONS`)] : [];
    if (origins) router.options(route.path, ...cors);
    const body = route.schemas.body ? [express.json()] : [];
    const timed = metrics ? [metrics.timer(route.path)] : [];
    router[method](route.path, ...timed, ...cors, ...guards, ...body, async (req, res) => {
      const input = { params: req.params, query: req.query, body: req.body, headers: req.headers };
      const environment = {
        dashboard,
        logger,
        readOnly: options.readOnly ?? false,
        basePath: req.baseUrl,
        metrics: metrics?.source,
      };
      await send(res, await handleRoute(route, input, environment));
    });
  }
  // Failures inside these routes (malformed percent-encoding, a throwing auth hook) answer as JSON
  // too. Express never hands this router an error raised before it, so the host's errors stay the host's.
  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) next(error);
    else void send(res, errorResult(error, logger));
  };
  router.use(onError);
  return router;
}
