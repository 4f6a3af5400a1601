import {
  type Dashboard,
  INITIAL_SYNC_STATE,
  type SyncRunResult,
  type SyncService,
} from '@cupid-dashboard/core';
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { mountedApp, silentLogger } from './support/app';
import { seededDashboard, stores } from './support/dataset';

const open = stores[0]?.[1] as (typeof stores)[number][1];
const PREFIX = '/internal/dashboard';
// One seeded store for the tests that only read; tests that trigger or close open their own.
let shared: Dashboard;
beforeAll(async () => {
  shared = await seededDashboard(open);
});

/** A sync service whose runs never finish, so a second trigger joins the first. */
function pendingSync(): SyncService & { triggers: number } {
  let running = false;
  const run = new Promise<SyncRunResult>(() => {});
  return {
    triggers: 0,
    get isRunning() {
      return running;
    },
    trigger() {
      this.triggers += 1;
      const started = !running;
      running = true;
      return { started, run };
    },
    sync: () => run,
    getStatus: async () => ({
      ...INITIAL_SYNC_STATE,
      status: running ? 'running' : 'idle',
      running,
    }),
    onProgress: () => () => {},
    onRun: () => () => {},
  };
}

describe('sync trigger', () => {
  it('answers 202 started, then 202 joined, and 403 in read-only mode', async () => {
    const sync = pendingSync();
    const dashboard = await seededDashboard(open, { sync });
    const { post, get } = await mountedApp(dashboard, PREFIX);
    const first = await post('/api/sync/trigger');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ started: true, status: 'started' });
    const second = await post('/api/sync/trigger');
    expect(second.body).toMatchObject({ started: false, status: 'joined' });
    expect((await get('/api/sync/status')).body).toMatchObject({
      running: true,
      status: 'running',
    });

    const readOnly = await mountedApp(dashboard, PREFIX, { readOnly: true });
    const denied = await readOnly.post('/api/sync/trigger');
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ detail: 'The dashboard is read-only', code: 'READ_ONLY' });
    expect(sync.triggers).toBe(2);
    expect((await readOnly.get('/api/sync/status')).status).toBe(200);
  });
});

describe('auth', () => {
  it('runs host middleware as is, on dashboard paths only', async () => {
    const dashboard = shared;
    const requireAdmin = (req: Request, res: Response, next: NextFunction) => {
      if (req.get('x-role') === 'admin') next();
      else res.status(403).json({ detail: 'Admins only', code: 'FORBIDDEN' });
    };
    const { agent, check } = await mountedApp(dashboard, '', { auth: requireAdmin });
    const denied = await agent.get('/api/agents');
    expect(denied.status).toBe(403);
    check(denied, 'GET', '/api/agents');
    expect((await agent.get('/api/agents').set('x-role', 'admin')).status).toBe(200);
    expect((await agent.get('/health')).status).toBe(403);
    expect((await agent.get('/host/ping')).body).toEqual({ host: true });
  });

  it('answers 401 when a sync or async predicate says no', async () => {
    const dashboard = shared;
    for (const auth of [
      (req: Request) => req.get('x-user') === 'ada',
      async (req: Request) => req.get('x-user') === 'ada',
    ]) {
      const { agent, check } = await mountedApp(dashboard, PREFIX, { auth });
      const denied = await agent.get(`${PREFIX}/api/sessions`);
      expect(denied.status).toBe(401);
      expect(denied.body).toEqual({ detail: 'Unauthorized', code: 'UNAUTHORIZED' });
      check(denied, 'GET', '/api/sessions');
      expect((await agent.get(`${PREFIX}/api/sessions`).set('x-user', 'ada')).status).toBe(200);
    }
  });

  it('answers a throwing auth hook with a logged 500 that reveals nothing', async () => {
    const dashboard = shared;
    const logger = silentLogger();
    const auth = async () => {
      throw new Error('token service at 10.0.0.7 down');
    };
    const { agent } = await mountedApp(dashboard, PREFIX, { auth, logger });
    const response = await agent.get(`${PREFIX}/api/agents`);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ detail: 'Internal server error', code: 'INTERNAL' });
    expect(logger.logged).toHaveLength(1);
    expect(logger.logged[0]).toMatchObject({ message: 'token service at 10.0.0.7 down' });
  });
});

describe('API keys', () => {
  const keys = ['key-one-0123456789', 'key-two'];

  it('accepts any listed key as bearer token or X-API-Key, and 401s the rest', async () => {
    const dashboard = shared;
    const { agent, check } = await mountedApp(dashboard, PREFIX, { apiKeys: keys });
    const url = `${PREFIX}/api/sessions?limit=1`;
    expect((await agent.get(url).set('Authorization', 'Bearer key-two')).status).toBe(200);
    expect((await agent.get(url).set('authorization', 'bearer key-one-0123456789')).status).toBe(
      200,
    );
    expect((await agent.get(url).set('X-API-Key', 'key-one-0123456789')).status).toBe(200);
    for (const headers of [
      {},
      { 'X-API-Key': 'key-one' },
      { 'X-API-Key': 'key-two-and-more' },
      { Authorization: 'Basic a2V5LXR3bw==' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer KEY-TWO' },
    ]) {
      const response = await agent.get(url).set(headers);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      check(response, 'GET', '/api/sessions');
    }
    expect((await agent.get('/host/ping')).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers preflight for allowed origins and varies on Origin', async () => {
    const dashboard = shared;
    const origins = ['https://dash.example.com'];
    const { agent } = await mountedApp(dashboard, PREFIX, { cors: { origins }, apiKeys: ['k'] });
    const preflight = await agent
      .options(`${PREFIX}/api/sync/trigger`)
      .set('Origin', 'https://dash.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'x-api-key');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://dash.example.com',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'x-api-key',
      vary: 'Origin',
    });
    const simple = await agent
      .get(`${PREFIX}/api/agents`)
      .set('Origin', 'https://dash.example.com')
      .set('X-API-Key', 'k');
    expect(simple.headers['access-control-allow-origin']).toBe('https://dash.example.com');
    expect(simple.headers['access-control-expose-headers']).toBe('X-Data-As-Of, ETag');
    const stranger = await agent
      .get(`${PREFIX}/api/agents`)
      .set('Origin', 'https://evil.example')
      .set('X-API-Key', 'k');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    expect(stranger.headers.vary).toBe('Origin');
  });

  it('uses the front end’s development origins for cors: true', async () => {
    const dashboard = shared;
    const { agent } = await mountedApp(dashboard, '', { cors: true });
    const response = await agent.get('/api/agents').set('Origin', 'http://localhost:5173');
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });
});

describe('framework errors', () => {
  it('answers malformed percent-encoding with a JSON 400', async () => {
    const dashboard = shared;
    const { agent } = await mountedApp(dashboard, PREFIX, { logger: silentLogger() });
    const response = await agent.get(`${PREFIX}/api/agents/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('leaves errors of the host’s own routes to the host', async () => {
    const app = express();
    app.use((_req, _res, next) => next(Object.assign(new Error('host failure'), { status: 418 })));
    app.use(dashboardRouter(shared, { logger: silentLogger() }));
    app.use(((error, _req, res, _next) => {
      res.status(error.status).json({ host: error.message });
    }) as ErrorRequestHandler);
    expect((await request(app).get('/host/thing')).body).toEqual({ host: 'host failure' });
    expect((await request(app).get('/api/agents')).body).toEqual({ host: 'host failure' });
  });

  it('answers 503 from health and routes once the store is closed', async () => {
    const dashboard = await seededDashboard(open);
    const { get } = await mountedApp(dashboard, PREFIX, { logger: silentLogger() });
    await dashboard.close();
    const health = await get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable' });
    const sessions = await get('/api/sessions');
    expect(sessions.status).toBe(503);
    expect(sessions.body).toEqual({
      detail: 'The data store is unavailable',
      code: 'STORE_UNAVAILABLE',
    });
  });
});
