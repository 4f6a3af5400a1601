import type { Dashboard } from '@cupid-dashboard/core';
import express from 'express';
import request from 'supertest';
import { type DashboardRouterOptions, dashboardRouter } from '../../src/index';
import { responseChecker } from './openapi-check';

/** Errors the router logs, kept for assertions instead of printed. */
export function silentLogger() {
  const logged: unknown[] = [];
  return { logged, error: (_message: string, details?: unknown) => void logged.push(details) };
}

/**
 * An Express app with the dashboard mounted at `prefix` ('' for the root) beside a host route,
 * plus a `get` that checks every answer against the OpenAPI document the app serves.
 */
export async function mountedApp(
  dashboard: Dashboard,
  prefix: string,
  options: DashboardRouterOptions = {},
) {
  const app = express();
  app.get('/host/ping', (_req, res) => {
    res.json({ host: true });
  });
  if (prefix === '') app.use(dashboardRouter(dashboard, options));
  else app.use(prefix, dashboardRouter(dashboard, options));
  const agent = request(app);
  // The document as an unguarded mount serves it, so auth hooks under test need not let it through.
  const open = express().use(prefix || '/', dashboardRouter(dashboard));
  const served = await request(open).get(`${prefix}/api/openapi.json`);
  const check = responseChecker(served.body);
  const get = async (path: string, headers: Record<string, string> = authHeaders(options)) => {
    const response = await agent.get(`${prefix}${path}`).set(headers);
    check(response, 'GET', path);
    return response;
  };
  const post = async (path: string, headers: Record<string, string> = authHeaders(options)) => {
    const response = await agent.post(`${prefix}${path}`).set(headers);
    check(response, 'POST', path);
    return response;
  };
  return { app, agent, document: served.body, check, get, post };
}

function authHeaders(options: DashboardRouterOptions): Record<string, string> {
  const key = options.apiKeys?.[0];
  return key === undefined ? {} : { 'X-API-Key': key };
}
