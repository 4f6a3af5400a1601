import { createMemoryStore, createSyncService } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import {
  dataset,
  expectCounts,
  expectEqualToTruth,
  lastStart,
  scorePages,
  served,
} from './support/harness';
import { mirrorStore } from './support/mirror-store';

describe('backfill from the simulator over HTTP (memory store)', () => {
  it('v2: ends equal to the truth with ceil(N / 1000) + ceil(S / 100) requests', async () => {
    const data = dataset({ sessions: 30 });
    const { sim, client } = await served({ dataset: data });
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({
      client,
      store,
      apiMode: 'v2',
      now: () => lastStart(data) + 60_000,
    });
    const result = await sync.sync();
    expect(result.status).toBe('success');
    const n = sim.truth().counts.observations;
    const scores = scorePages(sim.truth().scores.length);
    expect(result.requests).toBe(Math.ceil(n / 1000) + scores);
    expect(sim.requestCounts()).toEqual({
      'GET /api/public/v2/observations': Math.ceil(n / 1000),
      'GET /api/public/v3/scores': scores,
    });
    expectEqualToTruth(store.records(), sim.truth());
    await expectCounts(store, store.records());
    expect(result.verification?.ok).toBe(true);
  });

  it('legacy: ends equal to the truth (legacy checksum scope: no observation updatedAt)', async () => {
    const data = dataset();
    const { sim, client } = await served({ dataset: data, generations: { v2: false } });
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({
      client,
      store,
      apiMode: 'legacy',
      now: () => lastStart(data) + 60_000,
    });
    const result = await sync.sync();
    expect(result.status).toBe('success');
    const counts = sim.truth().counts;
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    expect(result.requests).toBe(
      pages(counts.sessions) +
        pages(counts.traces) +
        pages(counts.observations) +
        scorePages(sim.truth().scores.length),
    );
    expectEqualToTruth(store.records(), sim.truth(), 'legacy');
  });

  it('auto: falls back to legacy on a v3 server and ends equal to the truth', async () => {
    const data = dataset();
    const { sim, client } = await served({ dataset: data, generations: { v2: false } });
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({ client, store, now: () => lastStart(data) + 60_000 });
    const result = await sync.sync();
    expect(result).toMatchObject({ status: 'success', apiMode: 'legacy' });
    expect(sim.requests[0]?.status).toBe(404);
    expect((await sync.getStatus()).apiMode).toBe('legacy');
    expectEqualToTruth(store.records(), sim.truth(), 'legacy');
  });

  it('auto: uses v2 on a v4 server that has no legacy endpoints', async () => {
    const data = dataset();
    const { sim, client } = await served({ dataset: data, generations: { legacy: false } });
    const store = mirrorStore(createMemoryStore());
    const result = await createSyncService({
      client,
      store,
      now: () => lastStart(data) + 60_000,
    }).sync();
    expect(result).toMatchObject({ status: 'success', apiMode: 'v2' });
    expectEqualToTruth(store.records(), sim.truth());
  });
});
