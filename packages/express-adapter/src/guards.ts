import { createHash, timingSafeEqual } from 'node:crypto';
import { DashboardError } from '@cupid-dashboard/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The host's auth: Express middleware `(req, res, next)` (sync or async, any parameter list) or
 * a predicate `(req) => boolean | Promise<boolean>`. See {@link authGuard} for how they are told apart.
 */
export type AuthOption = RequestHandler | ((req: Request) => boolean | Promise<boolean>);

const unauthorized = (res: Response) =>
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer')
    .json({ detail: 'Unauthorized', code: 'UNAUTHORIZED' });

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Runs the host's `auth` as `auth(req, res, next)` and decides by what it did, never by its
 * declared parameter count (`(...args)` or default parameters report 0):
 * - it called `next` or sent a response → it was middleware, its answer stands;
 * - it returned or resolved `true` → the request goes on; `false` → 401;
 * - anything else (e.g. `undefined`, nothing sent, `next` not called yet) → it is middleware
 *   that will answer or call `next` later, and is left to do so.
 * A throw or rejection goes to the router's error handler (a JSON 500 revealing nothing).
 *
 * @example
 * authGuard((req) => req.get('x-admin') === 'yes'); // predicate
 * authGuard((req, res, next) => (req.user ? next() : res.sendStatus(401))); // middleware
 */
export function authGuard(auth: AuthOption): RequestHandler {
  const hook = auth as (req: Request, res: Response, next: NextFunction) => unknown;
  return (req, res, next) => {
    let handled = false;
    const onNext: NextFunction = (error?: unknown) => {
      handled = true;
      next(error);
    };
    const decide = (verdict: unknown) => {
      if (handled || res.headersSent) return;
      if (verdict === true) onNext();
      else if (verdict === false) unauthorized(res);
    };
    const fail = (error: unknown) => {
      if (!handled && !res.headersSent) onNext(error);
    };
    let outcome: unknown;
    try {
      outcome = hook(req, res, onNext);
    } catch (error) {
      return fail(error);
    }
    if (isThenable(outcome)) outcome.then(decide, fail);
    else decide(outcome);
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
