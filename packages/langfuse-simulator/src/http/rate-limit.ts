import { json } from './responses';

/** Which Cloud rate-limit bucket an endpoint draws from. */
export type RateLimitBucket = 'general' | 'legacy';

/** The numbers a 429 reports. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch ms when the window resets. */
  resetAt: number;
}

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per bucket, like Langfuse Cloud's per-organization limits. Rejected
 * requests do not count against the window.
 */
export class RateLimiter {
  private readonly windows = new Map<RateLimitBucket, { start: number; used: number }>();

  constructor(private readonly limits: Partial<Record<RateLimitBucket, number>>) {}

  /** Counts one request; returns the state to report when it is over the limit, else null. */
  take(bucket: RateLimitBucket, now: number): RateLimitState | null {
    const limit = this.limits[bucket];
    if (limit === undefined) return null;
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let window = this.windows.get(bucket);
    if (!window || window.start !== start) {
      window = { start, used: 0 };
      this.windows.set(bucket, window);
    }
    if (window.used >= limit) return { limit, remaining: 0, resetAt: start + WINDOW_MS };
    window.used += 1;
    return null;
  }

  limitOf(bucket: RateLimitBucket): number | undefined {
    return this.limits[bucket];
  }
}

/**
 * A 429 as Langfuse Cloud sends it: `Retry-After` in whole seconds, the X-RateLimit headers
 * (`X-RateLimit-Reset` as an HTTP date) and a `rate_limited` body.
 */
export function rateLimited(state: RateLimitState, now: number): Response {
  const retryAfterSeconds = Math.max(1, Math.ceil((state.resetAt - now) / 1000));
  const resetAt = new Date(state.resetAt);
  return json(
    429,
    {
      message: `Rate limit exceeded. Retry after ${retryAfterSeconds} seconds.`,
      code: 'rate_limited',
      details: {
        retryAfterSeconds,
        limit: state.limit,
        remaining: state.remaining,
        resetAt: resetAt.toISOString(),
      },
    },
    {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': String(state.limit),
      'x-ratelimit-remaining': String(state.remaining),
      'x-ratelimit-reset': resetAt.toUTCString(),
    },
  );
}
