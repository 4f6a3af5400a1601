import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDashboard, createSyncService } from '@cupid-dashboard/core';
import { observation } from '@cupid-dashboard/core/testing';
import { dashboardRouter } from '@cupid-dashboard/express';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { dataset, lastStart, onCleanup, served } from './support/harness';
import { openSqlite, tempDir } from './support/sqlite';

describe('cached answers over HTTP', () => {
  it('revalidate with ETag until a sync commits data, which the very next request shows', async () => {
    const data = dataset();
    const { sim, client } = await served({ dataset: data });
    const clock = lastStart(data) + 300_000;
    const store = await openSqlite(join(tempDir(), 'cached.db'));
    const sync = createSyncService({ client, store, now: () => clock });
    const dashboard = createDashboard({ store, sync, now: () => clock, closeStore: false });
    const app = express();
    app.use(dashboardRouter(dashboard));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    onCleanup(
      () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/metrics/dashboard?time_range=24h`;
    const get = (tag?: string) =>
      fetch(url, tag === undefined ? {} : { headers: { 'If-None-Match': tag } });

    expect((await sync.sync()).status).toBe('success');
    const first = await get();
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag') as string;
    expect(tag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers.get('x-data-as-of')).toBe(new Date(clock).toISOString());
    const before = (await first.json()) as { kpis: { observations: { value: number } } };

    const again = await get(tag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);

    // A new call reaches Langfuse; the next sync commits it, in the same minute.
    sim.publish({
      observations: [
        observation({ id: 'late-call', name: 'Mortal', startTime: clock - 1000, endTime: clock }),
      ],
    });
    expect((await sync.sync()).status).toBe('success');
    const after = await get(tag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(tag);
    const body = (await after.json()) as { kpis: { observations: { value: number } } };
    expect(body.kpis.observations.value).toBe(before.kpis.observations.value + 1);
  });
});
