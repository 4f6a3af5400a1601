import { createHash } from 'node:crypto';
import { DashboardError } from '@cupid-dashboard/core';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/**
 * The `rateLimit` option of `dashboardRouter`: at most `limit` API requests per client in each
 * window of `windowMs` milliseconds. A client is its API key when it sent one (`Authorization:
 * Bearer` or `X-API-Key`), else its address (`req.ip`; an IPv6 address counts by its /56, so one
 * host cannot dodge the limit by rotating addresses).
 *
 * @example
 * dashboardRouter(dashboard, { apiKeys: [key], rateLimit: { limit: 600, windowMs: 60_000 } });
 */
export interface RateLimitOption {
  /** Requests allowed per client per window; a positive integer. */
  limit: number;
  /** Length of a window in milliseconds. Default 60000 (one minute). */
  windowMs?: number;
}

/** The window of {@link RateLimitOption} when none is given: one minute. */
export const DEFAULT_RATE_LIMIT_WINDOW_MS = 60_000;

// A key is held as a digest, so the limiter's counters never hold a credential.
const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

/** The client a request counts against: its API key if it sent one, else its address. */
export function rateLimitKey(req: Request): string {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
  const key = (bearer ?? req.get('x-api-key'))?.trim();
  if (key) return `key:${digest(key)}`;
  return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * The limiter of the API routes (one instance, so all routes share a client's budget). Over the
 * limit it answers `429 {detail, code: 'RATE_LIMITED'}` with `Retry-After` (whole seconds) and
 * the `RateLimit` / `RateLimit-Policy` headers of the IETF draft. Throws `DASHBOARD_CONFIG` for a
 * limit or window that is not a positive integer.
 *
 * @example
 * router.get('/api/agents', rateLimiter({ limit: 100 }), handler);
 */
export function rateLimiter(option: RateLimitOption): RequestHandler {
  const windowMs = option.windowMs ?? DEFAULT_RATE_LIMIT_WINDOW_MS;
  for (const [name, value] of [
    ['rateLimit.limit', option.limit],
    ['rateLimit.windowMs', windowMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new DashboardError('DASHBOARD_CONFIG', `${name} must be a positive integer`);
    }
  }
  return rateLimit({
    windowMs,
    limit: option.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: rateLimitKey,
    handler: (req, res) => {
      const resetAt = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const waitMs = resetAt ? resetAt.getTime() - Date.now() : windowMs;
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({ detail: `Too many requests: retry after ${seconds} s`, code: 'RATE_LIMITED' });
    },
  });
}
