import { createMemoryStore, createSyncService, type SyncService } from '@cupid-dashboard/core';
import type { FaultSpec } from '@cupid-dashboard/langfuse-simulator';
import { describe, expect, it } from 'vitest';
import { dataset, expectEqualToTruth, lastStart, scorePages, served } from './support/harness';
import { mirrorStore } from './support/mirror-store';

/** Runs until a run succeeds (a failed run leaves a checkpoint the next one resumes). */
async function syncUntilSuccess(sync: SyncService, maxRuns = 10) {
  for (let i = 0; i < maxRuns; i++) {
    const result = await sync.sync();
    if (result.status === 'success') return { result, runs: i + 1 };
  }
  throw new Error(`no successful run in ${maxRuns}`);
}

const matrix: { name: string; faults: FaultSpec[] }[] = [
  {
    name: '429 bursts with a short Retry-After',
    faults: [{ kind: 'rate_limit', probability: 0.2, seed: 3, retryAfterSeconds: 0 }],
  },
  {
    name: '5xx answers',
    faults: [{ kind: 'server_error', status: 503, probability: 0.3, seed: 5 }],
  },
  { name: 'timeouts', faults: [{ kind: 'slow', delayMs: 400, probability: 0.2, seed: 9 }] },
  { name: 'dropped connections', faults: [{ kind: 'drop_connection', probability: 0.3, seed: 7 }] },
  {
    name: 'everything at once',
    faults: [
      { kind: 'rate_limit', probability: 0.15, seed: 1, retryAfterSeconds: 0 },
      { kind: 'server_error', status: 502, probability: 0.15, seed: 2 },
      { kind: 'drop_connection', probability: 0.15, seed: 4 },
      { kind: 'slow', delayMs: 400, probability: 0.1, seed: 6 },
    ],
  },
];

describe('fault matrix over HTTP', () => {
  for (const apiMode of ['v2', 'legacy'] as const) {
    for (const { name, faults } of matrix) {
      it(`${apiMode}, ${name}: ends equal to the truth minus exactly the malformed records`, async () => {
        const data = dataset({ sessions: 10 });
        // Three child observations (never a root, so derived traces and sessions are unaffected).
        const broken = data.observations.filter((o) => o.parentObservationId !== null);
        const ids = [broken[5], broken[50], broken[200]].map((o) => o?.id as string);
        const { sim, client } = await served(
          { dataset: data, faults: [...faults, { kind: 'malformed', ids }] },
          { timeoutMs: 150, maxRetries: 3 },
        );
        const store = mirrorStore(createMemoryStore());
        const sync = createSyncService({
          client,
          store,
          apiMode,
          pageSize: 100,
          now: () => lastStart(data) + 60_000,
        });
        const { result } = await syncUntilSuccess(sync);
        expect(sim.malformedIds.size).toBe(3);
        const scope = apiMode === 'v2' ? 'v2' : 'legacy';
        expectEqualToTruth(store.records(), sim.truth().without(sim.malformedIds), scope);
        // Each malformed record was reported (by id where it still had one), none was written.
        expect(result.skipped.count).toBe(3);
        for (const id of result.skipped.ids) expect(sim.malformedIds.has(id)).toBe(true);
      });
    }
  }

  it('a Retry-After beyond the ceiling ends the run as rate_limited with the time to retry', async () => {
    const data = dataset({ sessions: 10 });
    const { sim, client } = await served({ dataset: data }, { maxRetryAfterMs: 60_000 });
    const at = lastStart(data) + 60_000;
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({ client, store, pageSize: 100, now: () => at });
    sim.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 3_600, count: 1 });
    const limited = await sync.sync();
    expect(limited).toMatchObject({ status: 'rate_limited', retryAt: at + 3_600_000 });
    expect(limited.error?.code).toBe('LANGFUSE_RATE_LIMITED');
    expect(limited.requests).toBe(1); // failed fast: no sleeping through an hour
    const status = await sync.getStatus();
    expect(status).toMatchObject({ status: 'rate_limited', retryAt: at + 3_600_000 });
    expect((await sync.sync()).status).toBe('success');
    expectEqualToTruth(store.records(), sim.truth());
  });

  it('a rate limit in the middle keeps the committed pages and the next run resumes after them', async () => {
    const data = dataset({ sessions: 10 });
    const { sim, client } = await served({ dataset: data });
    const store = mirrorStore(createMemoryStore());
    const sync = createSyncService({
      client,
      store,
      pageSize: 100,
      now: () => lastStart(data) + 60_000,
    });
    let pages = 0;
    sync.onProgress((p) => {
      if (p.phase === 'observations' && ++pages === 3) {
        sim.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 7_200 });
      }
    });
    expect((await sync.sync()).status).toBe('rate_limited');
    sim.resetRequests();
    const resumed = await sync.sync();
    expect(resumed).toMatchObject({ status: 'success', resumed: true });
    const total = Math.ceil(sim.truth().counts.observations / 100);
    expect(sim.requests.length).toBe(total - 3 + scorePages(sim.truth().scores.length));
    expectEqualToTruth(store.records(), sim.truth());
  });
});
