import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, listeningPort, spawnCli, waitFor } from './child-server';

// `cupid-dashboard serve` from the server's sources, over real HTTP, against the simulator: what
// `npm start` and `npm run demo` do, end to end.
const DAY_MS = 86_400_000;
// A day before now, so every session of the dataset has ended before the first sync starts.
const end = Math.floor((Date.now() - DAY_MS) / 3_600_000) * 3_600_000;
const dataset = generateCupidDataset({ seed: 7, sessions: 40, days: 30, end });
const sim = createLangfuseSimulator({ dataset });

let simServer: { url: string; close(): Promise<void> };
let server: ChildServer;
let base = '';
let dir = '';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies, checked value by value below
async function get(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('cupid-dashboard serve against the simulator', () => {
  beforeAll(async () => {
    simServer = await sim.listen();
    dir = mkdtempSync(join(tmpdir(), 'cupid-smoke-'));
    server = spawnCli(['serve'], {
      LANGFUSE_PUBLIC_KEY: sim.publicKey,
      LANGFUSE_SECRET_KEY: sim.secretKey,
      LANGFUSE_BASE_URL: simServer.url,
      DATABASE_PATH: join(dir, 'nested', 'cupid.db'),
      HOST: '127.0.0.1',
      PORT: '0',
      SYNC_INTERVAL_SECONDS: '3600',
      LOG_LEVEL: 'info',
    });
    const port = await listeningPort(server);
    base = `http://127.0.0.1:${port}`;
    await waitFor('the first successful sync', async () => {
      const { body } = await get('/api/sync/status');
      return body.status === 'success' ? true : undefined;
    });
  }, 30_000);

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await simServer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports the first sync with every observation', async () => {
    const { status, body } = await get('/api/sync/status');
    expect(status).toBe(200);
    expect(body).toMatchObject({ configured: true, status: 'success', api_mode: 'v2' });
    expect(body.last_run.counts.observations).toBe(dataset.observations.length);
    expect(JSON.stringify(body)).not.toContain(sim.secretKey);
  });

  it('lists every session, and serves the conversation of one', async () => {
    const list = await get('/api/sessions?limit=5');
    expect(list.status).toBe(200);
    expect(list.headers.get('x-data-as-of')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(list.body.pagination).toEqual({
      page: 1,
      limit: 5,
      total: dataset.sessions.length,
      total_pages: Math.ceil(dataset.sessions.length / 5),
    });
    const first = list.body.sessions[0];
    const conversation = await get(`/api/sessions/${encodeURIComponent(first.id)}/conversation`);
    expect(conversation.status).toBe(200);
    expect(conversation.body.session_id).toBe(first.id);
    expect(conversation.body.messages.length).toBeGreaterThan(0);
  });

  it('serves the web UI at the root, and the assets it names', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${base}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the session stats', async () => {
    const { status, body } = await get('/api/sessions/stats');
    expect(status).toBe(200);
    expect(body.total_sessions).toBe(dataset.sessions.length);
    expect(body.chapter_funnel[0]).toMatchObject({ chapter: 0, sessions: dataset.sessions.length });
  });

  it('serves the agents, one agent and its charts', async () => {
    const agents = await get('/api/agents');
    expect(agents.status).toBe(200);
    const names = agents.body.agents.map((agent: { name: string }) => agent.name);
    expect(names).toContain('Mortal');
    const mortal = await get('/api/agents/Mortal');
    expect(mortal.status).toBe(200);
    expect(mortal.body).toMatchObject({ name: 'Mortal', category: 'content' });
    expect(mortal.body.calls).toBeGreaterThan(0);
    expect(mortal.body.models.length).toBeGreaterThan(0);
    const charts = await get('/api/agents/Mortal/charts');
    expect(charts.status).toBe(200);
    const calls = charts.body.points.reduce(
      (sum: number, p: { calls: number }) => sum + p.calls,
      0,
    );
    expect(calls).toBe(mortal.body.calls);
    expect((await get('/api/agents/NoSuchAgent')).status).toBe(404);
  });

  it('serves the dashboard and model metrics', async () => {
    const dashboard = await get('/api/metrics/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.kpis.sessions.value).toBe(dataset.sessions.length);
    expect(dashboard.body.top_agents.length).toBeGreaterThan(0);
    const models = await get('/api/metrics/models');
    expect(models.status).toBe(200);
    expect(models.body.models.length).toBeGreaterThan(0);
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'ok' } });
    const openapi = await get('/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.body.paths)).toContain('/api/sessions/{session_id}/conversation');
    const docs = await fetch(`${base}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('./swagger-ui-bundle.js');
    expect((await fetch(`${base}/api/docs/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('rejects bad input with 422', async () => {
    const { status, body } = await get('/api/sessions?limit=500');
    expect(status).toBe(422);
    expect(body.errors[0].field).toBe('limit');
  });

  it('starts a sync on POST /api/sync/trigger', async () => {
    const response = await fetch(`${base}/api/sync/trigger`, { method: 'POST' });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { status: string };
    expect(body.status).toMatch(/^(started|joined)$/);
  });

  it('stops cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const messages = server.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain('Sync success');
    expect(messages.at(-1)).toBe('Shut down cleanly');
    expect(server.lines.join('\n')).not.toContain(sim.secretKey);
  });
});

describe('cupid-dashboard serve configuration errors', () => {
  // Each exits with code 2 and one stderr line naming the variable, echoing no key or password.
  it.each([
    ['the missing variable', { LANGFUSE_SECRET_KEY: '' }, 'LANGFUSE_SECRET_KEY is required'],
    [
      'an invalid variable',
      { SYNC_INTERVAL_SECONDS: 'soon' },
      'SYNC_INTERVAL_SECONDS must be an integer from 1 to 86400',
    ],
    [
      'a LANGFUSE_BASE_URL carrying credentials',
      { LANGFUSE_BASE_URL: 'https://someone:hunter2@cloud.langfuse.com' },
      'LANGFUSE_BASE_URL must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead',
    ],
  ])('exits with code 2 and one line naming %s', async (_case, env, message) => {
    const child = spawnCli(['serve'], {
      LANGFUSE_PUBLIC_KEY: 'pk-lf-test',
      LANGFUSE_SECRET_KEY: 'sk-lf-do-not-print',
      PORT: '0',
      ...env,
    });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toBe(`Invalid configuration: ${message}\n`);
    expect(child.lines).toEqual([]);
  });
});
