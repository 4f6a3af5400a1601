import { type DashboardError, isDashboardError } from '../errors/index';
import type { FieldError } from './errors';
import type { RouteLogger, RouteResult } from './types';

/**
 * The HTTP status of every `DashboardError` code a route can meet; the one place they are mapped.
 * Codes absent here are unexpected: 500.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = Object.freeze({
  VALIDATION_ERROR: 422,
  ANALYTICS_INVALID_QUERY: 422,
  STORE_INVALID_QUERY: 422,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  READ_ONLY: 403,
  SYNC_NOT_CONFIGURED: 409,
  SYNC_LEASE_HELD: 409,
  LANGFUSE_RATE_LIMITED: 429,
  STORE_UNAVAILABLE: 503,
  EVENTS_FULL: 503,
  EVENTS_CLOSED: 503,
});

/** Codes whose message may hold internals (paths, driver text): answered with a fixed detail. */
const FIXED_DETAIL: Readonly<Record<string, string>> = Object.freeze({
  STORE_UNAVAILABLE: 'The data store is unavailable',
  LANGFUSE_RATE_LIMITED: 'Langfuse is rate limiting requests; try again later',
});

/** Codes for framework client errors by status; other 4xx are `BAD_REQUEST`. */
const CLIENT_CODES: Readonly<Record<number, string>> = Object.freeze({
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
});

/**
 * Turns any thrown value into a JSON error answer:
 * - known `DashboardError` codes → their {@link ERROR_STATUS} with `{detail, code}` (422 adds
 *   `errors: [{field, message}]`, 429 a `Retry-After` when known);
 * - framework client errors (`status` or `statusCode` 4xx, `expose` not false, as http-errors
 *   and Express's router make them: malformed JSON or percent-encoding) → that status, code `BAD_REQUEST`
 *   (`UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND` for 401, 403, 404);
 * - anything else → 500 `{detail: 'Internal server error', code: 'INTERNAL'}`, the cause logged.
 *
 * @example
 * errorResult(new RouteError('NOT_FOUND', 'Agent not found: X'), console);
 * // { status: 404, body: { detail: 'Agent not found: X', code: 'NOT_FOUND' } }
 */
export function errorResult(error: unknown, logger: RouteLogger): RouteResult {
  // Branded, not `instanceof`: an error from a second copy of this package maps the same way.
  if (isDashboardError(error) && ERROR_STATUS[error.code] !== undefined) {
    const status = ERROR_STATUS[error.code] as number;
    if (status >= 500) logger.error(`Dashboard route failed: ${error.code}`, error);
    const detail = FIXED_DETAIL[error.code] ?? error.message;
    const body: Record<string, unknown> = { detail, code: error.code };
    if (status === 422) body.errors = fieldErrors(error);
    return { status, body, headers: retryAfter(error) };
  }
  const clientStatus = exposedClientStatus(error);
  if (clientStatus !== null) {
    const detail = error instanceof Error ? error.message : 'Bad request';
    return {
      status: clientStatus,
      body: { detail, code: CLIENT_CODES[clientStatus] ?? 'BAD_REQUEST' },
    };
  }
  logger.error('Dashboard route failed unexpectedly', error);
  return { status: 500, body: { detail: 'Internal server error', code: 'INTERNAL' } };
}

/** A RouteError's `errors`, an AnalyticsError's `field`, else the whole query; by shape, not class. */
function fieldErrors(error: DashboardError): FieldError[] {
  const { errors, field } = error as { errors?: unknown; field?: unknown };
  if (Array.isArray(errors) && errors.length > 0) return errors as FieldError[];
  if (typeof field === 'string') return [{ field, message: error.message }];
  return [{ field: 'query', message: error.message }];
}

function retryAfter(error: DashboardError): Record<string, string> | undefined {
  const ms = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return undefined;
  return { 'Retry-After': String(Math.ceil(ms / 1000)) };
}

function exposedClientStatus(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, statusCode, expose } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
  };
  const code = typeof status === 'number' ? status : statusCode;
  // Express's router marks undecodable path params 400 without `expose`; only an explicit false hides.
  if (expose === false || typeof code !== 'number') return null;
  return code >= 400 && code < 500 ? code : null;
}
