import { describe, expect, it } from 'vitest';
import { LangfuseError, type SyncCheckpoint } from '../../src/index';
import { pagesOf, smallDataset } from './support/dataset';
import { expectStoreEquals } from './support/mirror-store';
import { setupSync } from './support/setup-sync';

describe('checkpoints and resume', () => {
  it('checkpoints after every page; a failed run resumes from its cursor with the same window', async () => {
    const { dataset, end } = smallDataset();
    let clock = end;
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 20,
      now: () => clock,
    });
    const total = Math.ceil(dataset.observations.length / 20);
    fake.failures.set(4, new LangfuseError('LANGFUSE_HTTP', 'Server error 503', { status: 503 }));

    const failed = await sync.sync();

    expect(failed.status).toBe('error');
    expect(failed.error).toEqual({ code: 'LANGFUSE_HTTP', message: 'Server error 503' });
    const state = await store.getSyncState();
    expect(state.status).toBe('error');
    expect(state.watermark).toBeNull();
    const checkpoint = state.checkpoint as unknown as SyncCheckpoint;
    expect(checkpoint).toMatchObject({
      mode: 'v2',
      pages: 3,
      done: false,
      window: { from: null, to: end },
    });
    expect(checkpoint.fetched.observations).toBe(60);
    expect(typeof checkpoint.cursor).toBe('string');

    // Later, with new data published after the first window: the resumed run keeps its window.
    clock = end + 600_000;
    fake.failures.clear();
    fake.requests.length = 0;
    const resumed = await sync.sync();
    expect(resumed).toMatchObject({
      status: 'success',
      resumed: true,
      window: { from: null, to: end },
    });
    expect(fake.requests[0]?.params.cursor).toBe(checkpoint.cursor);
    expect(resumed.requests).toBe(total - 3 + pagesOf(dataset.scores.length, 20));
    expect(resumed.counts.observations).toBe(dataset.observations.length);
    expect(resumed.verification?.ok).toBe(true);
    await expectStoreEquals(store, dataset);
    expect((await store.getSyncState()).watermark).toBe(end);
  });

  it('resumes a run that failed on the scores from their cursor, without reading observations again', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 10,
      now: () => end,
    });
    const observationPages = Math.ceil(dataset.observations.length / 10);
    expect(dataset.scores.length).toBeGreaterThan(10);
    fake.failures.set(observationPages + 2, new LangfuseError('LANGFUSE_TIMEOUT', 'timed out'));
    expect((await sync.sync()).status).toBe('error');
    const checkpoint = (await store.getSyncState()).checkpoint as unknown as SyncCheckpoint;
    expect(checkpoint).toMatchObject({ phase: 'scores', done: false });
    expect(checkpoint.fetched.scores).toBe(10);

    fake.failures.clear();
    fake.requests.length = 0;
    const resumed = await sync.sync();
    expect(resumed).toMatchObject({ status: 'success', resumed: true });
    expect(fake.requests.every((r) => r.endpoint === 'scoresV3')).toBe(true);
    expect(fake.requests[0]?.params.cursor).toBe(checkpoint.cursor);
    expect(resumed.counts.scores).toBe(dataset.scores.length);
    expect(resumed.verification?.ok).toBe(true);
    await expectStoreEquals(store, dataset);
  });

  it('resumes a legacy run at the endpoint and page it stopped on', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'legacy',
      pageSize: 50,
      now: () => end,
    });
    const sessionPages = 1;
    const tracePages = Math.ceil(dataset.traces.length / 50);
    // Fail on the second observations page.
    fake.failures.set(
      sessionPages + tracePages + 2,
      new LangfuseError('LANGFUSE_TIMEOUT', 'timed out'),
    );
    expect((await sync.sync()).status).toBe('error');
    const checkpoint = (await store.getSyncState()).checkpoint as unknown as SyncCheckpoint;
    expect(checkpoint).toMatchObject({ phase: 'observations', page: 2 });

    fake.failures.clear();
    fake.requests.length = 0;
    const resumed = await sync.sync();
    expect(resumed.status).toBe('success');
    expect(fake.requests[0]).toMatchObject({ endpoint: 'observations', params: { page: 2 } });
    await expectStoreEquals(store, dataset, { withUpdatedAt: false });
  });

  it('drops an unreadable checkpoint and reads a fresh window', async () => {
    const { dataset, end } = smallDataset({ sessions: 1 });
    const { store, sync } = setupSync(dataset, { now: () => end });
    await store.saveSyncState({ checkpoint: { something: 'else' } });
    const result = await sync.sync();
    expect(result).toMatchObject({ status: 'success', resumed: false });
    await expectStoreEquals(store, dataset);
  });
});
