import { describe, expect, it } from 'vitest';
import { createSyncService } from '../../src/index';
import { pagesOf, smallDataset, withUpdates } from './support/dataset';
import { expectStoreEquals } from './support/mirror-store';
import { setupSync } from './support/setup-sync';

describe('sync in v2 mode', () => {
  it('backfills everything before the run start and derives traces and sessions from observations', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 40,
      now: () => end,
    });

    const result = await sync.sync();

    expect(result.status).toBe('success');
    expect(result.apiMode).toBe('v2');
    const n = dataset.observations.length;
    const scorePages = pagesOf(dataset.scores.length, 40);
    expect(result.requests).toBe(Math.ceil(n / 40) + scorePages);
    expect(fake.requests.map((r) => r.endpoint)).toEqual([
      ...Array.from({ length: Math.ceil(n / 40) }, () => 'v2'),
      ...Array.from({ length: scorePages }, () => 'scoresV3'),
    ]);
    expect(fake.requests.at(-1)?.params).toMatchObject({
      limit: 40,
      fields: ['details', 'subject'],
      toTimestamp: new Date(end),
    });
    expect(result.counts.scores).toBe(dataset.scores.length);
    expect(fake.requests[0]?.params).toMatchObject({ limit: 40, toStartTime: new Date(end) });
    expect(fake.requests[0]?.params.fromStartTime).toBeUndefined();
    expect(result.counts.observations).toBe(n);
    expect(result.window).toEqual({ from: null, to: end });
    await expectStoreEquals(store, dataset);
    expect(result.verification?.ok).toBe(true);
    expect(result.verification?.stored).toEqual({
      sessions: dataset.sessions.length,
      traces: dataset.traces.length,
      observations: n,
      scores: dataset.scores.length,
    });

    const state = await store.getSyncState();
    expect(state).toMatchObject({
      status: 'success',
      watermark: end,
      checkpoint: null,
      apiMode: 'v2',
      progress: null,
    });
    expect(state.lastSuccessAt).toBe(end);
    expect(state.lastRun).toMatchObject({
      status: 'success',
      requests: result.requests,
      counts: result.counts,
    });
  });

  it('reads only [watermark − lookback, runStart) next time and picks up late updates and new data', async () => {
    const { dataset, last } = smallDataset({ lateUpdates: 0.2 });
    // The first run happens 5 minutes after the last start: late versions have not arrived yet.
    let clock = last + 300_000;
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      lookbackMs: 3_600_000,
      pageSize: 50,
      now: () => clock,
    });
    expect((await sync.sync()).status).toBe('success');
    const firstWatermark = clock;

    // Late versions land (updatedAt within 15 minutes of their start) plus one new observation.
    const recent = dataset.lateUpdates.filter((o) => o.startTime >= firstWatermark - 3_600_000);
    expect(recent.length).toBeGreaterThan(0);
    fake.publish({ observations: recent });
    const template = dataset.observations[dataset.observations.length - 1];
    if (!template) throw new Error('empty dataset');
    const fresh = {
      ...template,
      id: 'fresh-1',
      startTime: clock + 1_000,
      updatedAt: clock + 1_000,
    };
    fake.publish({ observations: [fresh] });
    clock += 300_000;
    fake.requests.length = 0;

    const second = await sync.sync();
    expect(second.status).toBe('success');
    expect(second.window).toEqual({ from: firstWatermark - 3_600_000, to: clock });
    expect(fake.requests[0]?.params).toMatchObject({
      fromStartTime: new Date(firstWatermark - 3_600_000),
      toStartTime: new Date(clock),
    });
    await expectStoreEquals(
      store,
      withUpdates({ ...dataset, observations: [...dataset.observations, fresh] }, recent),
    );
  });

  it('keeps the earliest trace start and session creation when a later window sees only later observations', async () => {
    const { dataset, first, end } = smallDataset({ sessions: 1 });
    let clock = end;
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 7,
      now: () => clock,
    });
    await sync.sync();
    // A window that starts in the middle of the session and in the middle of a trace.
    const middle = dataset.observations[Math.floor(dataset.observations.length / 2) + 1];
    if (!middle) throw new Error('empty dataset');
    clock = middle.startTime + 1; // watermark − lookback lands after the session's first trace
    const later = createSyncService({
      client: fake.client,
      store,
      apiMode: 'v2',
      lookbackMs: clock - middle.startTime,
      pageSize: 7,
      now: () => end + 1,
    });
    await store.saveSyncState({ watermark: clock });
    const result = await later.sync();
    expect(result.window?.from).toBe(middle.startTime);
    expect(result.verification?.olderVersions.traces).toBeGreaterThan(0);
    await expectStoreEquals(store, dataset);
    expect(store.mirror.sessions.get(dataset.sessions[0]?.id ?? '')?.createdAt).toBe(first);
  });
});
