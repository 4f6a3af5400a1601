import { join } from 'node:path';
import { createSyncService } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { spawnSyncChild } from './support/child';
import {
  asOf,
  dataset,
  expectEqualToTruth,
  lastObservationStart,
  lastStart,
  served,
  truthCounts,
} from './support/harness';
import { openSqlite, readSqliteRecords, tempDir } from './support/sqlite';

describe('sync into the SQLite store', () => {
  for (const apiMode of ['v2', 'legacy'] as const) {
    it(`${apiMode}: a backfill and a later run with late data end equal to the truth`, async () => {
      const data = dataset({ lateUpdates: 0.15 });
      let clock = lastObservationStart(data) + 300_000;
      const view = asOf(data, clock);
      const { sim, client } = await served({ dataset: view.dataset });
      sim.publish(view.arrived);
      const path = join(tempDir(), 'sync.db');
      const store = await openSqlite(path);
      const sync = createSyncService({ client, store, apiMode, now: () => clock });
      const scope = apiMode === 'v2' ? 'v2' : 'legacy';

      const first = await sync.sync();
      expect(first.status).toBe('success');
      expect(first.verification?.ok).toBe(true);
      expectEqualToTruth(readSqliteRecords(path), sim.truth(), scope);

      // Late versions land, and the scores given since (some hours after their turn).
      sim.publish(view.later);
      clock = Math.max(clock, lastStart(data)) + 300_000;
      expect((await sync.sync()).status).toBe('success');
      expectEqualToTruth(readSqliteRecords(path), sim.truth(), scope);
      expect((await store.counts()).records).toEqual(truthCounts(sim.truth()));
    });
  }

  it('under faults (429, 5xx, timeouts, dropped connections, malformed records) ends equal to the truth minus the malformed records', async () => {
    const data = dataset();
    const children = data.observations.filter((o) => o.parentObservationId !== null);
    const ids = [children[3], children[70]].map((o) => o?.id as string);
    const { sim, client } = await served(
      {
        dataset: data,
        faults: [
          { kind: 'rate_limit', probability: 0.15, seed: 1, retryAfterSeconds: 0 },
          { kind: 'server_error', status: 502, probability: 0.15, seed: 2 },
          { kind: 'drop_connection', probability: 0.15, seed: 4 },
          { kind: 'slow', delayMs: 400, probability: 0.1, seed: 6 },
          { kind: 'malformed', ids },
        ],
      },
      { timeoutMs: 150, maxRetries: 2 },
    );
    const path = join(tempDir(), 'faults.db');
    const store = await openSqlite(path);
    const sync = createSyncService({
      client,
      store,
      pageSize: 100,
      now: () => lastStart(data) + 60_000,
    });
    let result = await sync.sync();
    for (let i = 0; i < 10 && result.status !== 'success'; i++) result = await sync.sync();
    expect(result.status).toBe('success');
    expect(result.skipped.count).toBe(2);
    expectEqualToTruth(readSqliteRecords(path), sim.truth().without(sim.malformedIds));
  });

  it('two sync services (two processes) on one SQLite file never overlap: the second is turned away by the lease', async () => {
    const data = dataset();
    const { sim, url } = await served({ dataset: data, latencyMs: 20 });
    const path = join(tempDir(), 'shared.db');
    // Create the schema first so neither child migrates while the other starts.
    await openSqlite(path);
    const a = spawnSyncChild({ url, path, apiMode: 'v2', owner: 'a', wait: true });
    const b = spawnSyncChild({ url, path, apiMode: 'v2', owner: 'b', wait: true });
    await Promise.all([a.line((l) => l === 'ready'), b.line((l) => l === 'ready')]);
    a.go();
    b.go();
    const [ra, rb] = await Promise.all([a.result, b.result]);

    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual(['error', 'success']);
    const [winner, loser] = ra.status === 'success' ? [a, b] : [b, a];
    const held = ra.status === 'success' ? rb : ra;
    expect(held.error?.code).toBe('SYNC_LEASE_HELD');
    expect(held.leaseHeldBy).toBe(ra.status === 'success' ? 'a' : 'b');
    expect(winner.upserts.length).toBeGreaterThan(0);
    expect(loser.upserts).toEqual([]);
    expectEqualToTruth(readSqliteRecords(path), sim.truth());
  });
});
