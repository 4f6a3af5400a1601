import { createHash, timingSafeEqual } from 'node:crypto';
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
 * Accepts `Authorization: Bearer <key>` or `X-API-Key: <key>`. Digests make every comparison
 * equal-length and constant-time, and every key is compared so timing does not reveal which.
 */
export function apiKeyGuard(keys: readonly string[]): RequestHandler {
  const digests = keys.map(digest);
  return (req, res, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const given = bearer ?? req.get('x-api-key');
    if (given === undefined) return void unauthorized(res);
    const candidate = digest(given.trim());
    let match = false;
    for (const known of digests) match = timingSafeEqual(known, candidate) || match;
    if (match) next();
    else unauthorized(res);
  };
}
