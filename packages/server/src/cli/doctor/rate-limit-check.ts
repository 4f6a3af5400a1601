import type { CheckResult } from './check';
import type { RateLimitHeaders } from './recording-fetch';

/** Below this share of the window's limit left, the headroom is a warning. */
const LOW_HEADROOM = 0.1;

const FIX =
  "set LANGFUSE_REQUESTS_PER_MINUTE a little below your plan's limit (Hobby: 30 a minute, legacy endpoints 15), or run fewer clients on these keys";

/**
 * The rate-limit headroom from the headers of the responses `doctor` received: a 429 now, the
 * lowest `X-RateLimit-Remaining` of its limit, or no headers at all (self-hosted Langfuse has no
 * limits; Langfuse Cloud may send them only on a 429).
 *
 * @param requestsPerMinute the configured client-side pacing, if any
 * @example
 * rateLimitCheck([{ path: '/api/public/traces', status: 200, limit: 30, remaining: 2, retryAfterSeconds: null }], undefined);
 * // { name: 'rate limit', outcome: 'warn', detail: '2 of 30 requests left in this window (/api/public/traces)', … }
 */
export function rateLimitCheck(
  seen: readonly RateLimitHeaders[],
  requestsPerMinute: number | undefined,
): CheckResult {
  const name = 'rate limit';
  const pacing =
    requestsPerMinute === undefined
      ? 'no client-side pacing'
      : `the client paces at ${requestsPerMinute} requests a minute`;
  const limited = seen.find((response) => response.status === 429);
  if (limited) {
    const wait =
      limited.retryAfterSeconds === null ? '' : `, retry after ${limited.retryAfterSeconds} s`;
    return {
      name,
      outcome: 'warn',
      detail: `Langfuse is rate limiting these keys now (429 on ${limited.path}${wait}); ${pacing}`,
      fix: FIX,
    };
  }
  const reported = seen.filter((response) => response.remaining !== null);
  const tightest = reported.sort(
    (a, b) => (a.remaining ?? 0) / (a.limit ?? 1) - (b.remaining ?? 0) / (b.limit ?? 1),
  )[0];
  if (!tightest) {
    return {
      name,
      outcome: 'ok',
      detail: `Langfuse reported no rate-limit headers (self-hosted servers have no limits); ${pacing}`,
    };
  }
  const of = tightest.limit === null ? '' : ` of ${tightest.limit}`;
  const low = tightest.limit !== null && (tightest.remaining ?? 0) < tightest.limit * LOW_HEADROOM;
  return {
    name,
    outcome: low ? 'warn' : 'ok',
    detail: `${tightest.remaining}${of} requests left in this window (${tightest.path}); ${pacing}`,
    ...(low ? { fix: FIX } : {}),
  };
}
