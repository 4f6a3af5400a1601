import type { NextFunction, Request, Response } from 'express';

/** A signed-in user of the host app. */
export interface HostUser {
  id: string;
  name: string;
  /** `admin` may open the dashboard; `member` may not. */
  role: 'admin' | 'member';
}

/** The host's sessions: cookie value → user. A real app would use its session store. */
export type SessionLookup = (sessionId: string) => HostUser | undefined;

declare global {
  namespace Express {
    interface Request {
      user?: HostUser;
    }
  }
}

/**
 * The host's own authentication: reads the `session` cookie and sets `req.user`. It knows nothing
 * about the dashboard.
 *
 * @example
 * app.use(sessionMiddleware((id) => sessions.get(id)));
 */
export function sessionMiddleware(lookup: SessionLookup) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const cookie = req.get('cookie') ?? '';
    const match = /(?:^|;\s*)session=([^;]+)/.exec(cookie);
    if (match?.[1]) req.user = lookup(decodeURIComponent(match[1]));
    next();
  };
}

/**
 * The host's authorization for its internal tools, passed to `dashboardRouter` as `auth`:
 * 401 without a user, 403 for a user who is not an admin, in the host's own error format.
 *
 * @example
 * app.use('/internal/dashboard', dashboardRouter(dashboard, { auth: requireAdmin }));
 */
export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  if (!req.user) {
    res.status(401).json({ error: 'sign in first' });
    return;
  }
  if (req.user.role !== 'admin') {
    res.status(403).json({ error: 'admins only' });
    return;
  }
  next();
}
