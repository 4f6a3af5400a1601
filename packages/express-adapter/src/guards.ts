import { createHash, timingSafeEqual } from 'node:crypto';
import { DashboardError } from '@cupid-dashboard/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The host's auth: Express middleware (declares 3 parameters) or a predicate. */
export type AuthOption = RequestHandler | ((req: Request) => boolean | Promise<boolean>);

const unauthorized = (res: Response) =>
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer')
    .json({ detail: 'Unauthorized', code: 'UNAUTHORIZED' });

/** Runs the host's middleware as is, or a predicate whose `false` answers 401. */
export function authGuard(auth: AuthOption): RequestHandler {
  if (auth.length >= 3) return auth as RequestHandler;
  const allowed = auth as (req: Request) => boolean | Promise<boolean>;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (await allowed(req)) next();
    else unauthorized(res);
  };
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/**
 * Checks `apiKeys` before any request is served: the keys are trimmed (a presented key is
 * trimmed too), and an empty list or an empty key throws `DASHBOARD_CONFIG`, since either would
 * make the guard meaningless (an empty key would match an empty `X-API-Key:` header).
 *
 * @example
 * apiKeysOf(['  k-123 ']); // ['k-123']
 * apiKeysOf(['']); // throws DashboardError DASHBOARD_CONFIG
 */
export function apiKeysOf(keys: readonly unknown[]): string[] {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new DashboardError(
      'DASHBOARD_CONFIG',
      'apiKeys must hold at least one key; omit it to accept every request',
    );
  }
  return keys.map((key, index) => {
    const trimmed = typeof key === 'string' ? key.trim() : '';
    if (trimmed === '') {
      throw new DashboardError(
        'DASHBOARD_CONFIG',
        `apiKeys[${index}] is empty; every API key must be a non-empty string`,
      );
    }
    return trimmed;
  });
}

/**
 * Accepts `Authorization: Bearer <key>` or `X-API-Key: <key>`. Digests make every comparison
 * equal-length and constant-time, and every key is compared so timing does not reveal which.
 * Throws `DASHBOARD_CONFIG` for an empty list or an empty key (see {@link apiKeysOf}).
 *
 * @example
 * router.use(apiKeyGuard([process.env.DASHBOARD_API_KEY!]));
 */
export function apiKeyGuard(keys: readonly string[]): RequestHandler {
  const digests = apiKeysOf(keys).map(digest);
  return (req, res, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const given = (bearer ?? req.get('x-api-key'))?.trim();
    if (!given) return void unauthorized(res);
    const candidate = digest(given);
    let match = false;
    for (const known of digests) match = timingSafeEqual(known, candidate) || match;
    if (match) next();
    else unauthorized(res);
  };
}
