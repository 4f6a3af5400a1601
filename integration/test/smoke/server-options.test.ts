import { createMemoryStore } from '@cupid-dashboard/core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../packages/server/src/config';
import { type RunningServer, startServer } from '../../../packages/server/src/server';

// The security-relevant variables reach the router: API keys, read-only mode, CORS origins.
// In process, with a memory store and no sync run (SYNC_ON_START=false, a long interval).
let server: RunningServer;
const KEYS_ONLY = {
  LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
  LANGFUSE_SECRET_KEY: 'sk-lf-test',
  LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
  PORT: '0',
  SYNC_ON_START: 'false',
};

beforeAll(async () => {
  const config = loadConfig({
    LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
    LANGFUSE_SECRET_KEY: 'sk-lf-test',
    LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
    HOST: '127.0.0.1',
    PORT: '0',
    SYNC_ON_START: 'false',
    DASHBOARD_API_KEYS: 'key-one, key-two',
    DASHBOARD_READ_ONLY: 'true',
    CORS_ORIGINS: 'https://dash.example.com',
  });
  server = await startServer(config, {
    createStore: async () => createMemoryStore(),
    logger: pino({ level: 'silent' }),
  });
});

afterAll(async () => {
  await server?.close();
});

describe('server options', () => {
  it('requires one of DASHBOARD_API_KEYS', async () => {
    expect((await fetch(`${server.url}/api/agents`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/api/agents`, {
      headers: { 'x-api-key': 'key-three' },
    });
    expect(wrong.status).toBe(401);
    const bearer = await fetch(`${server.url}/api/agents`, {
      headers: { authorization: 'Bearer key-two' },
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.json()).toMatchObject({ agents: [] });
  });

  it('rejects the sync trigger when DASHBOARD_READ_ONLY is set', async () => {
    const response = await fetch(`${server.url}/api/sync/trigger`, {
      method: 'POST',
      headers: { 'x-api-key': 'key-one' },
    });
    expect(response.status).toBe(403);
    expect(server.dashboard.sync?.isRunning).toBe(false);
  });

  it('allows only the CORS_ORIGINS origins', async () => {
    const headers = { 'x-api-key': 'key-one' };
    const allowed = await fetch(`${server.url}/health`, {
      headers: { ...headers, origin: 'https://dash.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
    const other = await fetch(`${server.url}/health`, {
      headers: { ...headers, origin: 'http://localhost:5173' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits each API key to DASHBOARD_RATE_LIMIT requests a minute', async () => {
    const limited = await startServer(
      loadConfig({ ...KEYS_ONLY, DASHBOARD_API_KEYS: 'key-one', DASHBOARD_RATE_LIMIT: '2' }),
      { createStore: async () => createMemoryStore(), logger: pino({ level: 'silent' }) },
    );
    try {
      const headers = { 'x-api-key': 'key-one' };
      for (const expected of [200, 200, 429]) {
        const response = await fetch(`${limited.url}/api/agents`, { headers });
        expect(response.status).toBe(expected);
        if (expected === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED' });
        }
      }
      // The default server (600 a minute) answered all of the above and more.
      const status = await fetch(`${server.url}/api/agents`, {
        headers: { 'x-api-key': 'key-one' },
      });
      expect(status.status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not found', code: 'NOT_FOUND' });
  });
});
