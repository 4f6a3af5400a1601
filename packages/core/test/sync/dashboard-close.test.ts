import { describe, expect, it, vi } from 'vitest';
import { createDashboard, createSyncService } from '../../src/index';
import { smallDataset } from './support/dataset';
import { FakeLangfuse } from './support/fake-client';
import { holdRequest } from './support/gate';
import { createMirrorStore } from './support/mirror-store';

describe('dashboard.close() with a triggered sync', () => {
  it('stops the run, saves its checkpoint and frees the lease before closing the store', async () => {
    const { dataset, end } = smallDataset();
    const fake = new FakeLangfuse(dataset);
    const store = createMirrorStore();
    const options = { client: fake.client, store, pageSize: 40, owner: 'me', now: () => end };
    const dashboard = createDashboard({ store, sync: createSyncService(options) });
    // Record the store's state at the moment it is closed.
    const atClose: { state?: unknown; lease?: unknown } = {};
    const innerClose = store.close.bind(store);
    store.close = vi.fn(async () => {
      atClose.state = await store.getSyncState();
      atClose.lease = await store.getLease();
      await innerClose();
    });
    // Hold request 3 so close() meets a sync mid-way, with a page committed.
    const held = holdRequest(fake, 3);
    const trigger = dashboard.sync?.trigger();
    await held.reached;
    const closing = dashboard.close();
    held.release();
    await closing;

    const result = await trigger?.run;
    expect(result?.status).toBe('error');
    expect(result?.error?.code).toBe('SYNC_ABORTED');
    expect(dashboard.sync?.isRunning).toBe(false);
    expect(store.close).toHaveBeenCalledTimes(1);
    expect(atClose.lease).toBeNull();
    expect(atClose.state).toMatchObject({
      status: 'error',
      lastRun: { status: 'error', error: { code: 'SYNC_ABORTED' } },
      checkpoint: { window: { to: end } },
    });
  });
});
