import { describe, expect, it, vi } from 'vitest';
import { createDashboard, createSyncService } from '../../src/index';
import { smallDataset } from './support/dataset';
import { FakeLangfuse } from './support/fake-client';
import { createMirrorStore } from './support/mirror-store';

describe('dashboard.close() with a triggered sync', () => {
  it('stops the run, saves its checkpoint and frees the lease before closing the store', async () => {
    const { dataset, end } = smallDataset();
    const fake = new FakeLangfuse(dataset);
    const store = createMirrorStore();
    const sync = createSyncService({
      client: fake.client,
      store,
      pageSize: 40,
      owner: 'me',
      now: () => end,
    });
    // Record the store's state at the moment it is closed.
    const atClose: { state?: unknown; lease?: unknown } = {};
    const innerClose = store.close.bind(store);
    store.close = vi.fn(async () => {
      atClose.state = await store.getSyncState();
      atClose.lease = await store.getLease();
      await innerClose();
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached: () => void = () => undefined;
    const midRun = new Promise<void>((resolve) => {
      reached = resolve;
    });
    // Request 3 is sent only once page 1 is committed; hold it so close() meets a running sync.
    fake.beforeAnswer = async (_request, n) => {
      if (n === 3) {
        reached();
        await held;
      }
    };
    const dashboard = createDashboard({ store, sync });
    const trigger = sync.trigger();
    await midRun;
    const closing = dashboard.close();
    release();
    await closing;

    const result = await trigger.run;
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('SYNC_ABORTED');
    expect(sync.isRunning).toBe(false);
    expect(store.close).toHaveBeenCalledTimes(1);
    expect(atClose.lease).toBeNull();
    expect(atClose.state).toMatchObject({
      status: 'error',
      lastRun: { status: 'error', error: { code: 'SYNC_ABORTED' } },
      checkpoint: { window: { to: end } },
    });
  });
});
