import { createDashboard, createMemoryStore } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { silentLogger } from './support/app';
import { listen } from './support/listen';
import { liveClient } from './support/live-client';

// Real HTTP end to end: the dashboard syncs from the simulator's server, serves its router on a
// free port, and a real EventSource client (the `eventsource` package) reads /api/events.
const KEY = 'events-test-key';
const PREFIX = '/dash';
const dataset = generateCupidDataset({ seed: 5, sessions: 4, days: 2 });
const sim = createLangfuseSimulator({ dataset });
let langfuse: Awaited<ReturnType<typeof sim.listen>>;

async function serve(options: Parameters<typeof createDashboard>[0]['events'] = {}) {
  const dashboard = createDashboard({
    store: createMemoryStore(),
    langfuse: { publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: langfuse.url },
    syncOptions: { pageSize: 20 },
    events: options,
  });
  const router = dashboardRouter(dashboard, { apiKeys: [KEY], logger: silentLogger() });
  const server = await listen(express().use(PREFIX, router));
  const url = `${server.url}${PREFIX}/api/events`;
  const get = (path: string) =>
    fetch(`${server.url}${PREFIX}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  return { dashboard, server, url, get };
}

beforeAll(async () => {
  langfuse = await sim.listen();
}, 120_000);

afterAll(async () => {
  await langfuse?.close();
});

describe('GET /api/events', () => {
  let live: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    live = await serve({ heartbeatMs: 200 });
  });
  afterAll(async () => {
    await live.server.close();
    await live.dashboard.close();
  });

  it('is behind the API key guard', async () => {
    const anonymous = liveClient(live.url);
    expect((await anonymous.failure()).code).toBe(401);
    anonymous.close();
  });

  it('streams ready, the sync and its progress, data with the new version, and heartbeats', async () => {
    const client = liveClient(live.url, { key: KEY });
    const ready = await client.next('ready');
    expect(ready.data).toMatchObject({ resumed: false, heartbeat_ms: 200 });
    expect(ready.data.sync).toMatchObject({ configured: true, status: 'idle', running: false });
    const trigger = await fetch(`${live.url.replace('/events', '/sync/trigger')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(trigger.status).toBe(202);
    expect((await client.next('sync')).data).toMatchObject({ running: true });
    const progress = await client.next('progress');
    expect(progress.data).toMatchObject({ pages: expect.any(Number), records: expect.any(Number) });
    const data = await client.next('data');
    expect(data.data.data_version).not.toBe(ready.data.data_version);
    const done = await client.next('sync', (event) => event.data.running === false);
    expect(done.data).toMatchObject({ status: 'success', last_run: { status: 'success' } });
    expect(data.id).toMatch(/^[a-z0-9]+-\d+$/);
    // The API serves what the `data` event announced.
    const sessions = (await (await live.get('/api/sessions')).json()) as {
      pagination: { total: number };
    };
    expect(sessions.pagination.total).toBe(4);
    await client.next('heartbeat');
    client.close();
  }, 120_000);

  it('resumes after Last-Event-ID with the events the client missed', async () => {
    const first = liveClient(live.url, { key: KEY });
    const ready = await first.next('ready');
    first.close();
    sim.publish({
      observations: dataset.observations.slice(0, 3).map((o) => ({ ...o, name: 'Renamed' })),
    });
    const result = await live.dashboard.sync!.sync();
    expect(result.status).toBe('success');

    const resumed = liveClient(live.url, { key: KEY, lastEventId: ready.id });
    expect((await resumed.next('ready')).data.resumed).toBe(true);
    expect((await resumed.next('sync')).data).toMatchObject({ running: true });
    await resumed.next('data');
    await resumed.next('sync', (event) => event.data.running === false);
    const ids = resumed.received.filter((e) => e.event !== 'ready').map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    resumed.close();

    const unknown = liveClient(live.url, { key: KEY, lastEventId: 'elsewhere-12' });
    expect((await unknown.next('ready')).data.resumed).toBe(false);
    unknown.close();
  }, 120_000);
});

describe('GET /api/events limits and shutdown', () => {
  it('refuses clients past maxClients with 503 EVENTS_FULL, and admits one when a slot frees', async () => {
    const { dashboard, server, url, get } = await serve({ maxClients: 2 });
    try {
      const a = liveClient(url, { key: KEY });
      const b = liveClient(url, { key: KEY });
      await a.next('ready');
      await b.next('ready');
      const full = await get('/api/events');
      expect(full.status).toBe(503);
      expect(await full.json()).toEqual({
        detail: 'The live event stream serves at most 2 clients; try again later',
        code: 'EVENTS_FULL',
      });
      b.close();
      await expect.poll(() => dashboard.events?.clients).toBe(1);
      const c = liveClient(url, { key: KEY });
      await c.next('ready');
      a.close();
      c.close();
    } finally {
      await server.close();
      await dashboard.close();
    }
  });

  it('ends every stream with closing on dashboard.close(), as a complete response', async () => {
    const { dashboard, server, url, get } = await serve();
    const client = liveClient(url, { key: KEY });
    await client.next('ready');
    const raw = await get('/api/events');
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = raw.text(); // resolves only if the server ends the response properly
    await expect.poll(() => dashboard.events?.clients).toBe(2);
    await dashboard.close();
    expect(await client.next('closing')).toMatchObject({ data: { reason: 'shutdown' } });
    client.close();
    const text = await body;
    expect(text).toMatch(/^retry: 3000\n/);
    expect(text).toMatch(/event: closing\ndata: \{"reason":"shutdown"\}\n\n$/);
    expect(dashboard.events?.clients).toBe(0);
    const after = await get('/api/events');
    expect(after.status).toBe(503);
    expect(await after.json()).toMatchObject({ code: 'EVENTS_CLOSED' });
    await server.close();
  });

  it('answers 404 when the dashboard turned live events off', async () => {
    const dashboard = createDashboard({ store: createMemoryStore(), events: false });
    const server = await listen(express().use(dashboardRouter(dashboard)));
    try {
      const off = await fetch(`${server.url}/api/events`);
      expect(off.status).toBe(404);
      expect(await off.json()).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await server.close();
      await dashboard.close();
    }
  });
});
