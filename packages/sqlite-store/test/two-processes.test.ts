import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteDashboardStore } from '../src/index';
import { observations } from './fixtures/records';
import { spawnChild } from './fixtures/spawn';

describe('two processes sharing one file', () => {
  let directory: string;
  let path: string;
  let store: SqliteDashboardStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-store-processes-'));
    path = join(directory, 'shared.db');
    store = await createSqliteStore({ path, busyTimeoutMs: 20_000 });
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lets one process hold the sync lease until it releases it', async () => {
    const child = spawnChild([path, 'lease', 'child', '600000']);
    const first = await child.nextLine();
    expect(first).toMatch(/^acquired \d+$/);
    const expiresAt = Number(first.split(' ')[1]);

    expect(await store.acquireLease('parent', 60_000, Date.now())).toBe(false);
    expect((await store.getLease())?.owner).toBe('child');
    expect(await store.renewLease('parent', 60_000, Date.now())).toBe(false);
    // The lease is free from its expiry on, even while the child still runs.
    expect(await store.acquireLease('parent', 1000, expiresAt - 1)).toBe(false);

    child.process.stdin.write('release\n');
    expect(await child.nextLine()).toBe('released');
    expect(await child.exited).toBe(0);
    expect(await store.getLease()).toBeNull();
    expect(await store.acquireLease('parent', 60_000, Date.now())).toBe(true);
    expect((await store.getLease())?.owner).toBe('parent');
  }, 60_000);

  it('hands an expired lease to the other process', async () => {
    expect(await store.acquireLease('parent', 1, 0)).toBe(true);
    const child = spawnChild([path, 'lease', 'child', '600000']);
    expect(await child.nextLine()).toMatch(/^acquired /);
    expect((await store.getLease())?.owner).toBe('child');
    child.process.stdin.write('release\n');
    expect(await child.nextLine()).toBe('released');
    await child.exited;
  }, 60_000);

  it('loses nothing when both processes upsert at once', async () => {
    const batches = 15;
    const size = 40;
    const child = spawnChild([path, 'upsert', 'child', String(batches), String(size)]);
    for (let batch = 0; batch < batches; batch++) {
      await store.upsert({ observations: observations('parent', batch, size) });
    }
    expect(await child.nextLine()).toBe('done');
    expect(await child.exited).toBe(0);

    const total = 2 * batches * size;
    const counts = await store.counts();
    expect(counts.records.observations).toBe(total);
    expect(counts.derived.sessions).toBe(20);
    expect(counts.derived.traces).toBe(2 * batches);
    const [mortal] = await store.listAgents();
    expect(mortal).toMatchObject({ name: 'Mortal', calls: total, sessions: 20 });
    expect(mortal?.cost).toBeCloseTo(total * 0.001, 9);
    const stats = await store.getSessionStats();
    expect(stats.total).toBe(20);
    expect((await store.listSessions({ search: 'message child 14' })).total).toBe(10);
  }, 120_000);
});
