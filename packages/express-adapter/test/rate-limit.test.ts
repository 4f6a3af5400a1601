import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dashboard } from '@cupid-dashboard/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardRouterOptions, dashboardRouter } from '../src/index';
import { seededDashboard, stores } from './support/dataset';
import { responseChecker } from './support/openapi-check';

// The `rateLimit` option over real HTTP: a listening server, requests from two loopback
// addresses, 429 answers checked against the served OpenAPI document.
const open = stores[0]?.[1] as (typeof stores)[number][1];
let dashboard: Dashboard;
const servers: Server[] = [];
let check: ReturnType<typeof responseChecker>;

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
};

/** A GET from `localAddress` (127.0.0.x are all this machine on Linux). */
function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  localAddress = '127.0.0.1',
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const body = res.headers['content-type']?.startsWith('application/json')
          ? JSON.parse(text)
          : text;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(options: DashboardRouterOptions): Promise<string> {
  const app = express();
  app.get('/host/ping', (_req, res) => {
    res.json({ host: true });
  });
  app.use(dashboardRouter(dashboard, options));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dashboard = await seededDashboard(open);
  const base = await serve({});
  check = responseChecker((await get(base, '/api/openapi.json')).body as never);
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await dashboard?.close();
});

describe('rateLimit', () => {
  it('answers 429 {detail, code} with Retry-After past the limit, as documented', async () => {
    const base = await serve({ rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) {
      const ok = await get(base, '/api/agents');
      expect(ok.status).toBe(200);
      expect(ok.headers.ratelimit).toMatch(new RegExp(`limit=3, remaining=${2 - i}, reset=\\d+`));
    }
    const limited = await get(base, '/api/agents');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      detail: expect.stringMatching(/^Too many requests/),
      code: 'RATE_LIMITED',
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    check(limited as never, 'GET', '/api/agents');
    // One budget across the API routes; the host's own routes are not counted.
    expect((await get(base, '/api/sessions')).status).toBe(429);
    expect((await get(base, '/host/ping')).status).toBe(200);
  });

  it('counts each client address on its own', async () => {
    const base = await serve({ rateLimit: { limit: 1 } });
    expect((await get(base, '/health', {}, '127.0.0.1')).status).toBe(200);
    expect((await get(base, '/health', {}, '127.0.0.1')).status).toBe(429);
    expect((await get(base, '/health', {}, '127.0.0.2')).status).toBe(200);
  });

  it('counts each API key on its own, whatever address it comes from', async () => {
    const base = await serve({ apiKeys: ['key-a', 'key-b'], rateLimit: { limit: 2 } });
    const a = { 'x-api-key': 'key-a' };
    expect((await get(base, '/api/agents', a, '127.0.0.1')).status).toBe(200);
    expect((await get(base, '/api/agents', a, '127.0.0.2')).status).toBe(200);
    expect((await get(base, '/api/agents', a, '127.0.0.3')).status).toBe(429);
    const b = { authorization: 'Bearer key-b' };
    expect((await get(base, '/api/agents', b, '127.0.0.1')).status).toBe(200);
    // A refused key is answered 401 before the limiter counts anything.
    for (let i = 0; i < 3; i += 1) {
      const refused = await get(base, '/api/agents', { 'x-api-key': 'wrong' }, '127.0.0.4');
      expect(refused.status).toBe(401);
    }
  });

  it('rejects a limit or window that is not a positive integer', () => {
    for (const rateLimit of [{ limit: 0 }, { limit: 1.5 }, { limit: 10, windowMs: -1 }]) {
      expect(() => dashboardRouter(dashboard, { rateLimit })).toThrow(
        expect.objectContaining({ code: 'DASHBOARD_CONFIG' }),
      );
    }
  });
});
