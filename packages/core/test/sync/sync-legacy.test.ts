import { describe, expect, it } from 'vitest';
import { pagesOf, smallDataset } from './support/dataset';
import { expectStoreEquals } from './support/mirror-store';
import { setupSync } from './support/setup-sync';

describe('sync in legacy mode', () => {
  it('reads sessions, traces and observations of the window page by page and ends equal to the source', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'legacy',
      pageSize: 30,
      now: () => end,
    });

    const result = await sync.sync();

    expect(result.status).toBe('success');
    expect(result.apiMode).toBe('legacy');
    const pages = (n: number) => pagesOf(n, 30);
    expect(result.requests).toBe(
      pages(dataset.sessions.length) +
        pages(dataset.traces.length) +
        pages(dataset.observations.length) +
        pages(dataset.scores.length),
    );
    expect(fake.requests.at(-1)).toMatchObject({
      endpoint: 'scores',
      params: { limit: 30, toTimestamp: new Date(end) },
    });
    expect(fake.requests.map((r) => r.endpoint)[0]).toBe('sessions');
    expect(fake.requests.find((r) => r.endpoint === 'traces')?.params).toMatchObject({
      toTimestamp: new Date(end),
      limit: 30,
    });
    // Legacy observations carry no updatedAt: compare without it.
    await expectStoreEquals(store, dataset, { withUpdatedAt: false });
    expect(result.verification?.ok).toBe(true);
  });

  it('stays incremental: the next run filters every endpoint to the window', async () => {
    const { dataset, end } = smallDataset();
    let clock = end;
    const { fake, sync } = setupSync(dataset, {
      apiMode: 'legacy',
      lookbackMs: 600_000,
      now: () => clock,
    });
    await sync.sync();
    clock += 300_000;
    fake.requests.length = 0;
    const second = await sync.sync();
    expect(second.requests).toBe(4); // one (empty or short) page per endpoint
    expect(fake.requests.map((r) => r.params)).toEqual([
      expect.objectContaining({
        fromTimestamp: new Date(end - 600_000),
        toTimestamp: new Date(clock),
      }),
      expect.objectContaining({
        fromTimestamp: new Date(end - 600_000),
        toTimestamp: new Date(clock),
      }),
      expect.objectContaining({
        fromStartTime: new Date(end - 600_000),
        toStartTime: new Date(clock),
      }),
      expect.objectContaining({
        fromTimestamp: new Date(end - 600_000),
        toTimestamp: new Date(clock),
      }),
    ]);
  });
});

describe('apiMode auto', () => {
  it('uses v2 when the server has it', async () => {
    const { dataset, end } = smallDataset({ sessions: 1 });
    const { sync } = setupSync(dataset, { now: () => end });
    const result = await sync.sync();
    expect(result.apiMode).toBe('v2');
    expect(result.requests).toBe(2); // one page of observations, one of scores
  });

  it('reads v2 scores when the server has v2 observations but no v3 scores', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(
      { ...dataset, generations: { scoresV3: false } },
      { now: () => end, pageSize: 10 },
    );
    const result = await sync.sync();
    expect(result).toMatchObject({ status: 'success', apiMode: 'v2' });
    const endpoints = fake.requests.map((r) => r.endpoint);
    expect(endpoints.filter((e) => e === 'scoresV3')).toHaveLength(1);
    expect(endpoints.filter((e) => e === 'scores')).toHaveLength(
      pagesOf(dataset.scores.length, 10),
    );
    await expectStoreEquals(store, dataset);
  });

  it('falls back to legacy on a 404, says so in the status, and goes straight to legacy next time', async () => {
    const { dataset, end } = smallDataset({ sessions: 1 });
    let clock = end;
    const { fake, store, sync } = setupSync(
      { ...dataset, generations: { v2: false } },
      { now: () => clock },
    );
    const result = await sync.sync();
    expect(result.status).toBe('success');
    expect(result.apiMode).toBe('legacy');
    expect(fake.requests[0]?.endpoint).toBe('v2');
    expect((await sync.getStatus()).apiMode).toBe('legacy');
    await expectStoreEquals(store, dataset, { withUpdatedAt: false });

    fake.requests.length = 0;
    clock += 1_000;
    await sync.sync();
    expect(fake.requests[0]?.endpoint).toBe('sessions');
  });

  it('moves back to v2 when the legacy endpoints disappear', async () => {
    const { dataset, end } = smallDataset({ sessions: 1 });
    const { fake, store, sync } = setupSync(dataset, { now: () => end });
    await store.saveSyncState({ apiMode: 'legacy' });
    fake.generations.legacy = false;
    const result = await sync.sync();
    expect(result).toMatchObject({ status: 'success', apiMode: 'v2' });
  });

  it('reports an error when neither generation exists', async () => {
    const { sync } = setupSync({ generations: { v2: false, legacy: false } });
    const result = await sync.sync();
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('LANGFUSE_NOT_FOUND');
  });
});
