import { join } from 'node:path';
import { createSyncService, type SyncCheckpoint } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { spawnSyncChild } from './support/child';
import { dataset, expectEqualToTruth, served, truthCounts } from './support/harness';
import { openSqlite, readSqliteRecords, tempDir } from './support/sqlite';

describe('a sync killed mid-way (SIGKILL) resumes and ends equal to the truth', () => {
  for (const apiMode of ['v2', 'legacy'] as const) {
    it(apiMode, async () => {
      const data = dataset({ sessions: 12 });
      // Slow answers keep the child mid-way long enough to be killed between pages.
      const { sim, url, client } = await served({ dataset: data, latencyMs: 15 });
      const path = join(tempDir(), 'sync.db');

      const child = spawnSyncChild({ url, path, apiMode, owner: 'child' });
      const killedAt = await child.line(
        (l) => /^page \d+ observations$/.test(l) && Number(l.split(' ')[1]) >= 4,
      );
      child.proc.kill('SIGKILL');
      const killedAfter = Number(killedAt.split(' ')[1]);

      // The killed run left a checkpoint, part of the data and a lease that expires by itself.
      const store = await openSqlite(path);
      const state = await store.getSyncState();
      const checkpoint = state.checkpoint as unknown as SyncCheckpoint;
      expect(state.status).toBe('running');
      expect(checkpoint.pages).toBeGreaterThanOrEqual(killedAfter);
      expect(checkpoint.done).toBe(false);
      const partial = readSqliteRecords(path).observations.length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(sim.truth().counts.observations);
      const lease = await store.getLease();
      expect(lease?.owner).toBe('child');

      const sync = createSyncService({ client, store, apiMode, pageSize: 50, owner: 'parent' });
      const blocked = await sync.sync();
      if (blocked.status !== 'success') {
        expect(blocked.error?.code).toBe('SYNC_LEASE_HELD');
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, (lease?.expiresAt ?? 0) - Date.now() + 50)),
        );
      }
      const resumed = blocked.status === 'success' ? blocked : await sync.sync();
      expect(resumed).toMatchObject({ status: 'success', resumed: true });
      expect(resumed.window).toEqual(checkpoint.window);
      expectEqualToTruth(readSqliteRecords(path), sim.truth(), apiMode === 'v2' ? 'v2' : 'legacy');
      expect((await store.counts()).records).toEqual(truthCounts(sim.truth()));
    });
  }
});
