import type { z } from 'zod';
import type { AnalyticsQueries } from '../analytics/types';
import type { Dashboard } from '../dashboard/types';

/** HTTP methods the dashboard routes use. */
export type RouteMethod = 'GET' | 'POST';

/** What a handler answers; the adapter writes `body` as JSON, or `stream` as it comes. */
export interface RouteResult {
  status: number;
  /** The answer; undefined for a 304 (no body). */
  body: unknown;
  /** Extra response headers, e.g. `X-Data-As-Of`, `ETag`. */
  headers?: Record<string, string>;
  /**
   * `body` already serialized, when the answer came from the cache: an adapter sends it as is
   * (`Content-Type: application/json`) instead of serializing `body` again.
   */
  json?: string;
  /**
   * A body written chunk by chunk (the exports), honouring backpressure; `body` is then ignored
   * and `headers` carry the `Content-Type`. From {@link handleRoute} its first chunk has already
   * been read, so a failure before any output is an ordinary error answer; a failure later is
   * logged and the adapter aborts the response.
   */
  stream?: AsyncIterable<string | Uint8Array>;
}

/** Receives log lines about failures; `console` fits. */
export interface RouteLogger {
  error(message: string, details?: unknown): void;
}

/**
 * What a host passes to {@link handleRoute} beside the request: the dashboard and the
 * embedding options that change behaviour rather than transport.
 */
export interface RouteEnvironment {
  dashboard: Dashboard;
  /** When true, routes that change state (the sync trigger) answer 403. Default false. */
  readOnly?: boolean;
  /** Where unexpected errors are logged (they never reach the response). Default `console`. */
  logger?: RouteLogger;
  /** The mount path (e.g. `/internal/dashboard`), for the OpenAPI document's `servers`. Default `''`. */
  basePath?: string;
  /** What `GET /metrics` serves; without it the route answers 404 (metrics are off). */
  metrics?: MetricsSource;
}

/**
 * Renders the host's metrics for `GET /metrics`, e.g. a Prometheus registry: the Express
 * adapter passes one when its `metrics` option is on. Core keeps no metrics library of its own.
 *
 * @example
 * const metrics: MetricsSource = { contentType: registry.contentType, render: () => registry.metrics() };
 */
export interface MetricsSource {
  /** The exposition's media type, e.g. `text/plain; version=0.0.4; charset=utf-8`. */
  contentType: string;
  render(): Promise<string>;
}

/** A handler's view of one request: validated input plus the environment. */
export interface RouteContext<P, Q, B> extends RouteEnvironment {
  /**
   * The analytics to answer with: for a `dataAsOf` route bound to one snapshot of the store (so
   * the answer, its `X-Data-As-Of` and its `ETag` agree), else `dashboard.analytics`.
   */
  analytics: AnalyticsQueries;
  /**
   * The request headers by lower-case name (e.g. `last-event-id`); `{}` when the host gave none.
   * A `dataAsOf` answer must not depend on them: it is cached by route and query.
   */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  params: P;
  query: Q;
  body: B;
}

/** Schemas of a route: input is validated with them, the OpenAPI document is generated from them. */
export interface RouteSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  body?: B;
  /** Response body schema by status code, errors included (documented as `application/json`). */
  response: Record<number, z.ZodType>;
  /**
   * Media types other than JSON a status answers with, e.g. `{ 200: { 'text/csv': z.string() } }`;
   * for that status they replace the `application/json` entry in the OpenAPI document.
   */
  media?: Record<number, Record<string, z.ZodType>>;
}

/**
 * One REST route as data, framework-neutral: an adapter registers `method` + `path` and calls
 * `handleRoute`. Paths are Express-style (`/api/agents/:agent_name`); `openApiPath` converts them.
 *
 * @example
 * const route = dashboardRoutes.find((r) => r.operationId === 'listSessions');
 * const result = await handleRoute(route, { query: { limit: '10' } }, { dashboard });
 */
export interface DashboardRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: RouteMethod;
  /** Relative to the mount point, Express-style `:param` segments. */
  path: string;
  /** Unique, camelCase; used as the OpenAPI operationId. */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /**
   * When true, the handler answers from one snapshot of the store's data: a successful answer
   * carries `X-Data-As-Of` (the last successful sync in that snapshot), and with the dashboard's
   * answer cache on, an `ETag`, `304` to a matching `If-None-Match`, and a cached body until the
   * data version or the minute changes.
   */
  dataAsOf?: boolean;
  schemas: RouteSchemas<P, Q, B>;
  /** Answers a validated request; throws a `DashboardError` for anything but success. */
  handler(context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

/** A route with its types erased, as held in {@link dashboardRoutes}. */
export type AnyDashboardRoute = DashboardRoute<z.ZodType, z.ZodType, z.ZodType>;

/** Raw request input as a framework hands it over (strings, arrays, parsed JSON). */
export interface RouteInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Request headers by lower-case name, as Node's `req.headers`; read: `if-none-match`. */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}
