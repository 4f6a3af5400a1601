/** The rate-limit headers of one Langfuse response. */
export interface RateLimitHeaders {
  /** The endpoint, e.g. `/api/public/v2/observations`. */
  path: string;
  status: number;
  limit: number | null;
  remaining: number | null;
  /** Seconds from `Retry-After`, on a 429. */
  retryAfterSeconds: number | null;
}

const numberOrNull = (text: string | null) =>
  text !== null && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null;

/**
 * A `fetch` that records the rate-limit headers (`X-RateLimit-Limit`, `X-RateLimit-Remaining`,
 * `Retry-After`) of every response into `seen`, for the client's `fetch` option: the client
 * keeps headers to itself, and `doctor` wants the headroom they report.
 *
 * @example
 * const seen: RateLimitHeaders[] = [];
 * const client = createLangfuseClient({ ...options, fetch: recordingFetch(seen) });
 */
export function recordingFetch(seen: RateLimitHeaders[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push({
      path: url.pathname,
      status: response.status,
      limit: numberOrNull(response.headers.get('x-ratelimit-limit')),
      remaining: numberOrNull(response.headers.get('x-ratelimit-remaining')),
      retryAfterSeconds: numberOrNull(response.headers.get('retry-after')),
    });
    return response;
  };
}
