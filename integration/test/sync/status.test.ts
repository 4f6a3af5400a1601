import { createMemoryStore, createSyncService } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { dataset, expectEqualToTruth, lastStart, scorePages, served } from './support/harness';
import { mirrorStore } from './support/mirror-store';

describe('status and single flight over HTTP', () => {
  it('a trigger during a run joins it: one run, one set of requests', async () => {
    const data = dataset();
    const { sim, client } = await served({ dataset: data, latencyMs: 10 });
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({
      client,
      store,
      pageSize: 100,
      now: () => lastStart(data) + 60_000,
    });
    const first = sync.trigger();
    const progressed = new Promise<void>((resolve) => {
      const off = sync.onProgress((p) => {
        if (p.pages >= 1) {
          off();
          resolve();
        }
      });
    });
    await progressed;
    const during = await sync.getStatus();
    expect(during).toMatchObject({ status: 'running', running: true });
    const second = sync.trigger();
    expect(second.started).toBe(false);
    const [a, b] = await Promise.all([first.run, second.run]);
    expect(b).toBe(a);
    expect(sim.requests.length).toBe(
      Math.ceil(sim.truth().counts.observations / 100) + scorePages(sim.truth().scores.length),
    );
    expectEqualToTruth(store.records(), sim.truth());
    const after = await sync.getStatus();
    expect(after).toMatchObject({ status: 'success', running: false, progress: null });
    expect(after.lastRun).toMatchObject({ status: 'success', requests: a.requests });
    expect(after.verification?.ok).toBe(true);
  });

  it('never writes a key into the status or the log, even when Langfuse rejects it', async () => {
    const realSecret = 'sk-lf-REAL-7f3e9a1c-distinctive';
    const wrongSecret = 'sk-lf-WRONG-4b2d8e6f-distinctive';
    const { client } = await served(
      { dataset: dataset({ sessions: 2 }), secretKey: realSecret },
      { secretKey: wrongSecret },
    );
    const lines: string[] = [];
    const logger = {
      info: (message: string, context?: unknown) =>
        lines.push(`${message} ${JSON.stringify(context)}`),
      warn: (message: string, context?: unknown) =>
        lines.push(`${message} ${JSON.stringify(context)}`),
    };
    const store = createMemoryStore();
    const sync = createSyncService({ client, store, logger });
    const result = await sync.sync();
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('LANGFUSE_AUTH');
    const texts = [
      JSON.stringify(await sync.getStatus()),
      JSON.stringify(await store.getSyncState()),
      JSON.stringify(result),
      lines.join('\n'),
    ];
    const basic = btoa(`pk-lf-simulator:${wrongSecret}`);
    for (const text of texts) {
      expect(text).not.toContain(wrongSecret);
      expect(text).not.toContain(realSecret);
      expect(text).not.toContain(basic);
    }
    expect(lines.some((line) => line.includes('LANGFUSE_AUTH'))).toBe(true);
  });
});
