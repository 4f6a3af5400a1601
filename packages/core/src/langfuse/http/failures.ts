import { LangfuseError } from '../errors';

/** Where a failed request went; the base URL is included in messages as a hint. */
export interface RequestTarget {
  method: string;
  path: string;
  baseUrl: string;
  attempts: number;
}

function where(target: RequestTarget): string {
  return `${target.method} ${target.path}`;
}

function details(target: RequestTarget, status?: number) {
  return { method: target.method, path: target.path, attempts: target.attempts, status };
}

/**
 * The error for a non-2xx, non-retried (or retried out) response, with a message a person can act
 * on. `serverMessage` is the (already masked) text the server gave, if any.
 *
 * @example
 * statusError(401, undefined, target).code; // 'LANGFUSE_AUTH'
 */
export function statusError(
  status: number,
  serverMessage: string | undefined,
  target: RequestTarget,
  retryAfterMs?: number,
): LangfuseError {
  const said = serverMessage ? ` Server said: ${serverMessage}` : '';
  if (status === 401) {
    return new LangfuseError(
      'LANGFUSE_AUTH',
      `Langfuse rejected the API keys (401) for ${where(target)}: check LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY and the base URL (${target.baseUrl}).`,
      details(target, status),
    );
  }
  if (status === 403) {
    return new LangfuseError(
      'LANGFUSE_AUTH',
      `Langfuse refused access (403) to ${where(target)}: the keys are valid but may belong to another project or lack this permission; check LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY.${said}`,
      details(target, status),
    );
  }
  if (status === 404) {
    return new LangfuseError(
      'LANGFUSE_NOT_FOUND',
      `Langfuse answered 404 for ${where(target)} at ${target.baseUrl}: the resource does not exist, or this server does not offer the endpoint (legacy endpoints are gone from Langfuse Cloud; v2 observations need a Langfuse v4 server).${said}`,
      details(target, status),
    );
  }
  if (status === 429) {
    const wait =
      retryAfterMs === undefined ? '' : ` Retry after ${Math.ceil(retryAfterMs / 1000)} s.`;
    return new LangfuseError(
      'LANGFUSE_RATE_LIMITED',
      `Langfuse rate limit reached (429) for ${where(target)} after ${target.attempts} attempt(s).${wait} Lower requestsPerMinute or sync less often.`,
      { ...details(target, status), retryAfterMs },
    );
  }
  return new LangfuseError(
    'LANGFUSE_HTTP',
    `Langfuse answered ${status} for ${where(target)}${status >= 500 ? ` after ${target.attempts} attempt(s)` : ''}.${said || ' No message in the body.'}`,
    details(target, status),
  );
}

/**
 * A 429 whose `Retry-After` exceeds the configured ceiling: fail now rather than sleep.
 *
 * @example
 * retryAfterTooLong(3_600_000, 60_000, target).retryAfterMs; // 3600000
 */
export function retryAfterTooLong(
  retryAfterMs: number,
  ceilingMs: number,
  target: RequestTarget,
): LangfuseError {
  return new LangfuseError(
    'LANGFUSE_RATE_LIMITED',
    `Langfuse rate limit reached (429) for ${where(target)}: it asks to wait ${Math.ceil(retryAfterMs / 1000)} s, more than maxRetryAfterMs (${ceilingMs} ms), so the client did not wait. A quota is spent: try again later or lower requestsPerMinute.`,
    { ...details(target, 429), retryAfterMs },
  );
}

/** No complete answer within the timeout, after the retries. */
export function timeoutError(timeoutMs: number, target: RequestTarget): LangfuseError {
  return new LangfuseError(
    'LANGFUSE_TIMEOUT',
    `No complete answer from Langfuse within ${timeoutMs} ms for ${where(target)} after ${target.attempts} attempt(s): check the base URL (${target.baseUrl}) and the network, or raise timeoutMs.`,
    details(target),
  );
}

/** The connection failed, after the retries. `cause` must already be sanitized. */
export function networkError(cause: Error, target: RequestTarget): LangfuseError {
  const code =
    (cause.cause as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : cause.message;
  return new LangfuseError(
    'LANGFUSE_NETWORK',
    `Could not reach Langfuse at ${target.baseUrl} for ${where(target)} (${reason}) after ${target.attempts} attempt(s): check the base URL and the network.`,
    { ...details(target), cause },
  );
}

/** A 2xx whose body is not JSON or not the expected envelope. */
export function invalidResponseError(problem: string, target: RequestTarget): LangfuseError {
  return new LangfuseError(
    'LANGFUSE_INVALID_RESPONSE',
    `Langfuse answered ${where(target)} with an unexpected body (${problem}): is ${target.baseUrl} a Langfuse server of a supported version?`,
    { method: target.method, path: target.path },
  );
}

/** The caller's signal aborted the call. */
export function abortedError(
  target: Pick<RequestTarget, 'method' | 'path'>,
  reason: unknown,
): LangfuseError {
  const info = { method: target.method, path: target.path };
  return new LangfuseError(
    'LANGFUSE_ABORTED',
    `${target.method} ${target.path} was aborted by the caller.`,
    reason instanceof Error ? { ...info, cause: reason } : info,
  );
}
