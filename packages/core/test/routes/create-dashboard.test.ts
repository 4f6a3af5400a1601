import { createDashboard, createMemoryStore, dashboardRoutes } from '@cupid-dashboard/core';
import { describe, expect, it, vi } from 'vitest';
import { fakeSync } from './fake-sync';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const langfuse = {
  publicKey: 'pk-lf-test',
  secretKey: 'sk-lf-test',
  // Never called: these tests only check the wiring, no run is started.
  fetch: vi.fn<typeof fetch>(async () => new Response('{}', { status: 500 })),
};

describe('createDashboard', () => {
  it('serves a store alone: no client, sync or scheduler', async () => {
    const dashboard = createDashboard({ store: createMemoryStore(), now: () => NOW });
    expect(dashboard).toMatchObject({ client: null, sync: null, scheduler: null });
    expect(dashboard.routes).toBe(dashboardRoutes);
    expect(dashboard.now()).toBe(NOW);
    expect(dashboard.preset.name).toBe('cupid');
  });

  it('creates the Langfuse client and sync service from langfuse options', () => {
    const dashboard = createDashboard({ store: createMemoryStore(), langfuse });
    expect(dashboard.client).not.toBeNull();
    expect(dashboard.sync?.isRunning).toBe(false);
    expect(dashboard.scheduler).toBeNull();
    expect(langfuse.fetch).not.toHaveBeenCalled();
  });

  it('prefers a given sync service over langfuse options', () => {
    const sync = fakeSync(NOW);
    const dashboard = createDashboard({ store: createMemoryStore(), langfuse, sync });
    expect(dashboard.sync).toBe(sync);
    expect(dashboard.client).toBeNull();
  });

  it('syncs nothing with an explicit sync: null, even with langfuse options', () => {
    const dashboard = createDashboard({ store: createMemoryStore(), langfuse, sync: null });
    expect(dashboard).toMatchObject({ client: null, sync: null });
  });

  it('starts a scheduler, and close stops it before closing the store, once', async () => {
    const store = createMemoryStore();
    const close = vi.spyOn(store, 'close');
    const dashboard = createDashboard({
      store,
      sync: fakeSync(NOW),
      schedule: { intervalSeconds: 300, runOnStart: false },
    });
    expect(dashboard.scheduler?.started).toBe(true);
    await Promise.all([dashboard.close(), dashboard.close()]);
    expect(dashboard.scheduler?.started).toBe(false);
    expect(close).toHaveBeenCalledTimes(1);
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('keeps the store open with closeStore: false', async () => {
    const store = createMemoryStore();
    await createDashboard({ store, closeStore: false }).close();
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('refuses a schedule without anything to sync', () => {
    expect(() => createDashboard({ store: createMemoryStore(), schedule: {} })).toThrow(
      expect.objectContaining({ code: 'DASHBOARD_CONFIG' }),
    );
  });
});
