import { describe, expect, it } from 'vitest';
import { createSyncService, type SyncProgress, type SyncRunEvent } from '../../src/index';
import { pagesOf, smallDataset } from './support/dataset';
import { holdRequest } from './support/gate';
import { expectStoreEquals } from './support/mirror-store';
import { setupSync } from './support/setup-sync';

describe('single flight', () => {
  it('joins a trigger that arrives during a run instead of starting another', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, { pageSize: 40, now: () => end });
    const held = holdRequest(fake, 3);
    const events: SyncRunEvent[] = [];
    const running: boolean[] = [];
    sync.onRun((event) => {
      events.push(event);
      running.push(sync.isRunning);
    });
    const first = sync.trigger();
    await held.reached;
    expect(sync.isRunning).toBe(true);
    const status = await sync.getStatus();
    expect(status.running).toBe(true);
    expect(status.status).toBe('running');
    expect(status.progress?.pages).toBeGreaterThanOrEqual(1);
    const second = sync.trigger();
    const third = sync.sync();
    held.release();
    const [a, b, c] = await Promise.all([first.run, second.run, third]);
    expect(first.started).toBe(true);
    expect(second.started).toBe(false);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(fake.requests.length).toBe(
      pagesOf(dataset.observations.length, 40) + pagesOf(dataset.scores.length, 40),
    );
    expect(sync.isRunning).toBe(false);
    // One run, however many joined it: one start, one end, with the run's result.
    expect(events).toEqual([
      { type: 'started', at: end },
      { type: 'finished', result: a },
    ]);
    // A listener hears the end once the service is free, so it may start the next run at once.
    expect(running).toEqual([true, false]);
    await expectStoreEquals(store, dataset);
  });

  it('does nothing while another process holds the lease, and says who', async () => {
    const { dataset, end } = smallDataset({ sessions: 1 });
    const { fake, store, sync } = setupSync(dataset, { owner: 'me', now: () => end });
    await store.acquireLease('other-process', 60_000, end);
    const result = await sync.sync();
    expect(result).toMatchObject({
      status: 'error',
      leaseHeldBy: 'other-process',
      error: { code: 'SYNC_LEASE_HELD' },
      requests: 0,
    });
    expect(fake.requests).toHaveLength(0);
    expect((await store.getSyncState()).status).toBe('idle'); // nothing persisted
    expect((await sync.getStatus()).running).toBe(true); // the other process is running

    // Once the lease expires the next run goes ahead, and releases the lease afterwards.
    const later = createSyncService({
      client: fake.client,
      store,
      owner: 'me',
      now: () => end + 60_000,
    });
    expect((await later.sync()).status).toBe('success');
    expect(await store.getLease()).toBeNull();
  });

  it('stops with SYNC_LEASE_LOST when the lease cannot be renewed', async () => {
    const { dataset, end } = smallDataset();
    let clock = end;
    const { fake, store, sync } = setupSync(dataset, {
      owner: 'me',
      leaseTtlMs: 30,
      pageSize: 20,
      now: () => clock,
    });
    fake.beforeAnswer = async (_request, n, signal) => {
      if (n === 2) {
        // The lease expires and another process takes it before our renewal; wait (for the
        // renewal timer, every 10 ms) until the run is told to stop.
        clock += 1_000;
        await store.acquireLease('thief', 60_000, clock);
        for (let i = 0; i < 500 && !signal?.aborted; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    };
    const result = await sync.sync();
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('SYNC_LEASE_LOST');
    expect((await store.getLease())?.owner).toBe('thief');
    // The state belongs to the new holder: this run did not overwrite it with its failure.
    expect((await store.getSyncState()).lastRun?.status).toBe('running');
  });
});

describe('progress and abort', () => {
  it('reports progress per committed page to listeners and the onProgress option', async () => {
    const { dataset, end } = smallDataset();
    const seen: SyncProgress[] = [];
    const viaOption: SyncProgress[] = [];
    const { sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 50,
      now: () => end,
      onProgress: (p) => viaOption.push(p),
    });
    const off = sync.onProgress((p) => seen.push(p));
    await sync.sync();
    off();
    const pages = Math.ceil(dataset.observations.length / 50);
    const committed = seen.filter((p) => p.phase === 'observations');
    expect(committed.map((p) => p.pages)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(committed[committed.length - 1]?.records).toBeGreaterThanOrEqual(
      dataset.observations.length,
    );
    // Then the scores, counted on from there.
    const scorePages = pagesOf(dataset.scores.length, 50);
    const scored = seen.filter((p) => p.phase === 'scores');
    expect(scored.map((p) => p.pages)).toEqual(
      Array.from({ length: scorePages }, (_, i) => pages + i + 1),
    );
    expect(scored.at(-1)?.records).toBeGreaterThanOrEqual(
      dataset.observations.length + dataset.scores.length,
    );
    expect(viaOption).toEqual(seen);
    await sync.sync();
    expect(seen.length).toBe(committed.length + scored.length); // unsubscribed
  });

  it('stops after the page in progress when the signal fires, and resumes later', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, { pageSize: 30, now: () => end });
    const controller = new AbortController();
    fake.beforeAnswer = (_request, n) => {
      if (n === 3) controller.abort();
    };
    const stopped = await sync.sync({ signal: controller.signal });
    expect(stopped.status).toBe('error');
    expect(stopped.error?.code).toBe('SYNC_ABORTED');
    expect((await store.getSyncState()).checkpoint).toMatchObject({ pages: 2 });
    fake.beforeAnswer = null;
    const resumed = await sync.sync();
    expect(resumed).toMatchObject({ status: 'success', resumed: true });
    await expectStoreEquals(store, dataset);
  });
});
