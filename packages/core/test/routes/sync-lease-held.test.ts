import {
  createDashboard,
  createLangfuseClient,
  createMemoryStore,
  createSyncService,
  dashboardRoutes,
  handleRoute,
} from '@cupid-dashboard/core';
import { describe, expect, it, vi } from 'vitest';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const trigger = dashboardRoutes.find((route) => route.operationId === 'triggerSync');

describe('POST /api/sync/trigger while another process syncs', () => {
  it('answers 409 SYNC_LEASE_HELD and starts nothing', async () => {
    if (!trigger) throw new Error('no triggerSync route');
    const store = createMemoryStore();
    await store.acquireLease('other-process', 60_000, NOW);
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response('{}', { status: 500 }));
    const client = createLangfuseClient({
      publicKey: 'pk-lf-test',
      secretKey: 'sk-lf-test',
      fetch,
    });
    const sync = createSyncService({ client, store, owner: 'me', now: () => NOW });
    const dashboard = createDashboard({ store, sync, now: () => NOW });

    const result = await handleRoute(trigger, {}, { dashboard });
    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      code: 'SYNC_LEASE_HELD',
      detail: 'Another process is syncing this store; try again when it has finished',
    });
    expect(sync.isRunning).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    expect(await store.getLease()).toMatchObject({ owner: 'other-process' });
  });
});
