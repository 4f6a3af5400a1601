import { createDashboard, createMemoryStore, type Dashboard } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import express from 'express';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { silentLogger } from './support/app';
import { seededDashboard, stores } from './support/dataset';
import { listen } from './support/listen';
import { histogramCount, parseScrape } from './support/scrape';

// Real HTTP on both sides: the dashboard syncs from the simulator's node:http server and serves
// its router from an Express server on a free port; scrapes are parsed by a Prometheus parser.
const KEY = 'metrics-test-key';
const PREFIX = '/dash';
const dataset = generateCupidDataset({ seed: 3, sessions: 6, days: 2 });
const sim = createLangfuseSimulator({ dataset });
let langfuse: Awaited<ReturnType<typeof sim.listen>>;
let dashboard: Dashboard;
let server: Awaited<ReturnType<typeof listen>>;
const registry = new Registry();

const get = (path: string, key: string | null = KEY) =>
  fetch(`${server.url}${PREFIX}${path}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
const scrape = async () => {
  const response = await get('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseScrape(await response.text());
};

beforeAll(async () => {
  langfuse = await sim.listen();
  dashboard = createDashboard({
    store: createMemoryStore(),
    langfuse: {
      publicKey: sim.publicKey,
      secretKey: sim.secretKey,
      baseUrl: langfuse.url,
      maxRetries: 1,
      retryBaseDelayMs: 0,
    },
  });
  const app = express().use(
    PREFIX,
    dashboardRouter(dashboard, { apiKeys: [KEY], metrics: { registry }, logger: silentLogger() }),
  );
  server = await listen(app);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await dashboard?.close();
  await langfuse?.close();
});

describe('GET /metrics', () => {
  it('is guarded like every route', async () => {
    const anonymous = await get('/metrics', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ detail: 'Unauthorized', code: 'UNAUTHORIZED' });
    expect((await get('/metrics', 'wrong')).status).toBe(401);
  });

  it('counts requests by route template and status', async () => {
    const before = await scrape();
    const sessionsOk = { route: '/api/sessions', status: '200', method: 'GET' };
    const base = before.value('cupid_http_requests_total', sessionsOk) ?? 0;
    expect((await get('/api/sessions')).status).toBe(200);
    expect((await get('/api/sessions?limit=5')).status).toBe(200);
    expect((await get('/api/sessions?limit=0')).status).toBe(422);
    expect((await get('/api/agents/no-such-agent')).status).toBe(404);
    const after = await scrape();
    expect(after.types.get('cupid_http_requests_total')).toBe('COUNTER');
    expect(after.types.get('cupid_http_request_duration_seconds')).toBe('HISTOGRAM');
    expect(after.value('cupid_http_requests_total', sessionsOk)).toBe(base + 2);
    expect(after.value('cupid_http_requests_total', { ...sessionsOk, status: '422' })).toBe(1);
    // The template, not the concrete path, so labels stay bounded.
    const agent = { route: '/api/agents/:agent_name', status: '404' };
    expect(after.value('cupid_http_requests_total', agent)).toBe(1);
    const durations = await histogramCount(
      registry,
      'cupid_http_request_duration_seconds',
      sessionsOk,
    );
    expect(durations).toBe(base + 2);
    expect(after.value('cupid_live_clients')).toBe(0);
    // Answers the guard refused count too, with their status.
    expect(after.value('cupid_http_requests_total', { route: '/metrics', status: '401' })).toBe(2);

    const stop = new AbortController();
    const stream = await fetch(`${server.url}${PREFIX}/api/events`, {
      headers: { authorization: `Bearer ${KEY}` },
      signal: stop.signal,
    });
    expect(stream.status).toBe(200);
    expect((await scrape()).value('cupid_live_clients')).toBe(1);
    stop.abort();
    await expect.poll(() => dashboard.events?.clients).toBe(0);
    // A stream counts once it has closed, with the status it was answered with.
    await expect
      .poll(async () =>
        (await scrape()).value('cupid_http_requests_total', { route: '/api/events' }),
      )
      .toBe(1);
  });

  it('records sync runs by outcome, records by kind, Langfuse requests and the store', async () => {
    const before = await scrape();
    expect(before.value('cupid_sync_runs_total', { outcome: 'success' })).toBeUndefined();
    expect(before.value('cupid_data_lag_seconds')).toBe(Infinity);
    expect(before.value('cupid_store_records', { kind: 'observations' })).toBe(0);

    sim.faults.inject({ kind: 'rate_limit', count: 1, retryAfterSeconds: 1 });
    const ok = await dashboard.sync!.sync();
    expect(ok.status).toBe('success');
    const synced = await scrape();
    expect(synced.value('cupid_sync_runs_total', { outcome: 'success' })).toBe(1);
    const success = { outcome: 'success' };
    expect(await histogramCount(registry, 'cupid_sync_run_duration_seconds', success)).toBe(1);
    expect(synced.types.get('cupid_sync_run_duration_seconds')).toBe('HISTOGRAM');
    const observations = dataset.observations.length;
    expect(synced.value('cupid_sync_records_total', { kind: 'observations' })).toBe(observations);
    expect(synced.value('cupid_store_records', { kind: 'observations' })).toBe(observations);
    expect(synced.value('cupid_store_derived', { kind: 'sessions' })).toBe(6);
    expect(synced.value('cupid_langfuse_requests_total')).toBe(ok.requests);
    expect(synced.value('cupid_langfuse_rate_limited_total')).toBe(1);
    expect(synced.value('cupid_langfuse_retries_total')).toBe(1);
    const lag = synced.value('cupid_data_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(600);
    expect(synced.value('cupid_sync_running')).toBe(0);

    sim.faults.inject({ kind: 'server_error', status: 500, count: 2 });
    const failed = await dashboard.sync!.sync();
    expect(failed.status).toBe('error');
    const after = await scrape();
    expect(after.value('cupid_sync_runs_total', { outcome: 'success' })).toBe(1);
    expect(after.value('cupid_sync_runs_total', { outcome: 'error' })).toBe(1);
    expect(after.value('cupid_langfuse_failures_total')).toBe(1);
    expect(after.value('cupid_langfuse_requests_total')).toBe(ok.requests + failed.requests);
  }, 120_000);
});

describe.each(stores)('metrics options (%s store)', (_name, open) => {
  it('answer 404 when off, and register in the host registry with its prefix', async () => {
    const seeded = await seededDashboard(open);
    const host = new Registry();
    const app = express()
      .use('/off', dashboardRouter(seeded))
      .use('/on', dashboardRouter(seeded, { metrics: { registry: host, prefix: 'dash_' } }));
    const local = await listen(app);
    try {
      const off = await fetch(`${local.url}/off/metrics`);
      expect(off.status).toBe(404);
      expect(await off.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await fetch(`${local.url}/on/api/agents`)).status).toBe(200);
      const text = await (await fetch(`${local.url}/on/metrics`)).text();
      expect(host.getSingleMetric('dash_http_requests_total')).toBeDefined();
      const parsed = parseScrape(text);
      expect(parsed.value('dash_http_requests_total', { route: '/api/agents' })).toBe(1);
      expect(parsed.value('dash_store_records', { kind: 'sessions' })).toBeGreaterThan(0);
      expect(parsed.value('dash_data_lag_seconds')).toBe(Infinity);
      expect(parsed.types.has('dash_sync_runs_total')).toBe(false);
    } finally {
      await local.close();
      await seeded.close();
    }
  });
});
