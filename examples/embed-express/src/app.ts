import type { Dashboard } from '@cupid-dashboard/core';
import { dashboardRouter } from '@cupid-dashboard/express';
import express from 'express';
import { requireAdmin, type SessionLookup, sessionMiddleware } from './host-auth';

/** Where the host mounts the dashboard. Any prefix works. */
export const DASHBOARD_PREFIX = '/internal/dashboard';

/**
 * An existing Express app — its own pages, its own API, its own sign-in — that mounts the Cupid
 * dashboard under {@link DASHBOARD_PREFIX}, guarded by the host's `requireAdmin`.
 *
 * @param options.dashboard from `createDashboard`
 * @param options.sessions the host's session lookup (cookie value → user)
 * @param options.readOnly reject `POST …/api/sync/trigger` with 403. Default false.
 * @example
 * const app = createApp({ dashboard, sessions: (id) => users.get(id) });
 * app.listen(3000);
 */
export function createApp(options: {
  dashboard: Dashboard;
  sessions: SessionLookup;
  readOnly?: boolean;
}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(sessionMiddleware(options.sessions));

  // The host's own routes.
  app.get('/', (_req, res) => {
    res.type('text/plain').send('Cupid game — host app. Admins: /internal/dashboard/api/sessions');
  });
  app.get('/api/me', (req, res) => {
    if (!req.user) res.status(401).json({ error: 'sign in first' });
    else res.json(req.user);
  });

  // The dashboard: every route of @cupid-dashboard/core, behind the host's auth.
  app.use(
    DASHBOARD_PREFIX,
    dashboardRouter(options.dashboard, {
      auth: requireAdmin,
      readOnly: options.readOnly ?? false,
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  return app;
}
