import { DashboardError, isDashboardError } from '../errors/index';

/**
 * Why a Langfuse call failed. Stable: branch on these, never on messages.
 *
 * - `LANGFUSE_CONFIG`: client options are missing or invalid (e.g. an empty secret key).
 * - `LANGFUSE_INVALID_PARAMS`: call parameters are invalid (e.g. `limit` above the maximum);
 *   thrown before anything is sent.
 * - `LANGFUSE_AUTH`: 401 or 403, the keys were rejected.
 * - `LANGFUSE_NOT_FOUND`: 404, the resource does not exist or the server lacks the endpoint.
 * - `LANGFUSE_RATE_LIMITED`: 429 after the retries, or a `Retry-After` beyond `maxRetryAfterMs`;
 *   `retryAfterMs` says when to try again, if the server said.
 * - `LANGFUSE_HTTP`: any other non-2xx status (400 carries the server's message).
 * - `LANGFUSE_TIMEOUT`: no complete answer within `timeoutMs`, after the retries.
 * - `LANGFUSE_NETWORK`: the connection failed (DNS, refused, reset), after the retries.
 * - `LANGFUSE_INVALID_RESPONSE`: a 2xx whose body is not the expected envelope.
 * - `LANGFUSE_PAGINATION`: the server's paging is inconsistent (a repeating cursor, an empty
 *   page while the totals promise more); iteration stops rather than loop.
 * - `LANGFUSE_ABORTED`: the caller's `AbortSignal` fired.
 */
export type LangfuseErrorCode =
  | 'LANGFUSE_CONFIG'
  | 'LANGFUSE_INVALID_PARAMS'
  | 'LANGFUSE_AUTH'
  | 'LANGFUSE_NOT_FOUND'
  | 'LANGFUSE_RATE_LIMITED'
  | 'LANGFUSE_HTTP'
  | 'LANGFUSE_TIMEOUT'
  | 'LANGFUSE_NETWORK'
  | 'LANGFUSE_INVALID_RESPONSE'
  | 'LANGFUSE_PAGINATION'
  | 'LANGFUSE_ABORTED';

/** Details a {@link LangfuseError} may carry; none of them can hold a key or a header. */
export interface LangfuseErrorDetails {
  /** HTTP status of the last response, when there was one. */
  status?: number;
  /** HTTP method of the failed request, e.g. `GET`. */
  method?: string;
  /** URL path of the failed request without the query string, e.g. `/api/public/traces`. */
  path?: string;
  /** For `LANGFUSE_RATE_LIMITED`: how long the server asked to wait, in milliseconds. */
  retryAfterMs?: number;
  /** How many HTTP requests this call sent before failing (1 + retries). */
  attempts?: number;
  /** An already sanitized underlying error. */
  cause?: unknown;
}

/**
 * An error from the Langfuse client. `code` says what happened; `status`, `method`, `path` say
 * where. Serializing it (`String`, `JSON.stringify`, `util.inspect`) never reveals the keys.
 *
 * @example
 * try {
 *   for await (const page of client.paginateObservationsV2({ limit: 1000 })) save(page.data);
 * } catch (error) {
 *   if (isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')) scheduleRetry(error.retryAfterMs);
 *   else throw error;
 * }
 */
export class LangfuseError extends DashboardError {
  declare readonly code: LangfuseErrorCode;
  /** HTTP status of the last response, when there was one. */
  readonly status?: number;
  /** HTTP method of the failed request. */
  readonly method?: string;
  /** URL path of the failed request, without the query string. */
  readonly path?: string;
  /** For `LANGFUSE_RATE_LIMITED`: the wait the server asked for, in milliseconds, if it said. */
  readonly retryAfterMs?: number;
  /** HTTP requests this call sent before failing (1 + retries). */
  readonly attempts?: number;

  constructor(code: LangfuseErrorCode, message: string, details: LangfuseErrorDetails = {}) {
    super(code, message, 'cause' in details ? { cause: details.cause } : {});
    if (details.status !== undefined) this.status = details.status;
    if (details.method !== undefined) this.method = details.method;
    if (details.path !== undefined) this.path = details.path;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.attempts !== undefined) this.attempts = details.attempts;
  }

  protected override details(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.status !== undefined) out.status = this.status;
    if (this.method !== undefined) out.method = this.method;
    if (this.path !== undefined) out.path = this.path;
    if (this.retryAfterMs !== undefined) out.retryAfterMs = this.retryAfterMs;
    if (this.attempts !== undefined) out.attempts = this.attempts;
    return out;
  }
}

/**
 * True when `error` is a {@link LangfuseError} (from any copy of this package: it checks the
 * brand and a `LANGFUSE_` code, see `isDashboardError`), and, if `code` is given, has that code.
 *
 * @example
 * if (isLangfuseError(error, 'LANGFUSE_NOT_FOUND')) useLegacyEndpoints();
 */
export function isLangfuseError(error: unknown, code?: LangfuseErrorCode): error is LangfuseError {
  return isDashboardError(error, code) && error.code.startsWith('LANGFUSE_');
}
