import { describe, expect, it } from 'vitest';
import { createSyncService, LangfuseError } from '../../src/index';
import { smallDataset } from './support/dataset';
import { FakeLangfuse } from './support/fake-client';
import { createMirrorStore, expectStoreEquals } from './support/mirror-store';
import { setupSync } from './support/setup-sync';

describe('sync failures', () => {
  it('ends as rate_limited with the time to retry when Langfuse asks for a long wait', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, {
      apiMode: 'v2',
      pageSize: 40,
      now: () => end,
    });
    fake.failures.set(
      2,
      new LangfuseError('LANGFUSE_RATE_LIMITED', 'Rate limited: retry after 3600 s', {
        status: 429,
        retryAfterMs: 3_600_000,
      }),
    );
    const result = await sync.sync();
    expect(result.status).toBe('rate_limited');
    expect(result.retryAt).toBe(end + 3_600_000);
    expect(result.error?.code).toBe('LANGFUSE_RATE_LIMITED');
    const status = await sync.getStatus();
    expect(status).toMatchObject({
      status: 'rate_limited',
      retryAt: end + 3_600_000,
      running: false,
    });
    expect(status.lastRun?.error?.code).toBe('LANGFUSE_RATE_LIMITED');
    // The page before the limit is kept and the next run resumes after it.
    expect((status.checkpoint as { pages: number }).pages).toBe(1);
    expect((await sync.sync()).status).toBe('success');
    await expectStoreEquals(store, dataset);
  });

  it('skips malformed records, counts them, and writes everything else', async () => {
    const { dataset, end } = smallDataset();
    const { fake, store, sync } = setupSync(dataset, { now: () => end });
    // Two children (not roots), so derived traces and sessions are unaffected.
    const broken = dataset.observations.filter((o) => o.parentObservationId !== null).slice(3, 5);
    for (const o of broken) fake.malformed.add(o.id);
    const result = await sync.sync();
    expect(result.status).toBe('success');
    expect(result.skipped).toEqual({
      count: 2,
      ids: expect.arrayContaining(broken.map((o) => o.id)),
    });
    expect((await store.getSyncState()).lastRun).toMatchObject({ skipped: { count: 2 } });
    const ids = new Set(broken.map((o) => o.id));
    await expectStoreEquals(store, {
      ...dataset,
      observations: dataset.observations.filter((o) => !ids.has(o.id)),
    });
  });

  it('never persists or logs a key, even from a foreign error that contains one', async () => {
    const secret = 'sk-lf-0123-distinctive-secret';
    const lines: string[] = [];
    const logger = {
      info: (m: string, c?: unknown) => lines.push(m + JSON.stringify(c ?? {})),
      warn: (m: string, c?: unknown) => lines.push(m + JSON.stringify(c ?? {})),
    };
    const { fake, sync } = setupSync({}, { apiMode: 'v2', logger });
    fake.failures.set(
      1,
      new Error(`connect failed for https://pk-lf-pub:${secret}@host with Basic cGstbGY6c2stbGY=`),
    );
    const result = await sync.sync();
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('UNKNOWN');
    const persisted = JSON.stringify(await sync.getStatus());
    for (const text of [persisted, JSON.stringify(result), lines.join('\n')]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('cGstbGY6c2stbGY=');
    }
    expect(persisted).toContain('[redacted]');
  });

  it('rejects invalid options with SYNC_CONFIG', () => {
    const fake = new FakeLangfuse();
    expect(() =>
      createSyncService({ client: fake.client, store: createMirrorStore(), lookbackMs: -1 }),
    ).toThrow(expect.objectContaining({ code: 'SYNC_CONFIG' }));
    expect(() =>
      createSyncService({
        client: fake.client,
        store: createMirrorStore(),
        startFrom: 'yesterday',
      }),
    ).toThrow(expect.objectContaining({ code: 'SYNC_CONFIG' }));
  });
});
