import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cupidPreset, isStoreError } from '@cupid-dashboard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index';
import { startThreadWriter } from '../src/write-thread/thread-writer';
import { observations } from './fixtures/records';
import { spawnChild } from './fixtures/spawn';

/** Counts event-loop turns (setImmediate callbacks) while `work` is pending. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let pending = true;
  const spin = () => {
    if (!pending) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work.finally(() => {
    pending = false;
  });
  return turns;
}

describe('writes on a thread of their own', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-store-thread-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps the event loop turning during a large upsert, unlike writes on the caller’s thread', async () => {
    const batch = { observations: observations('big', 0, 5000) };
    const threaded = await createSqliteStore({ path: join(directory, 'thread.db') });
    const inline = await createSqliteStore({
      path: join(directory, 'inline.db'),
      writeThread: false,
    });
    try {
      expect(await turnsDuring(threaded.upsert(batch))).toBeGreaterThan(10);
      expect(await turnsDuring(inline.upsert(batch))).toBeLessThanOrEqual(2);
      // Same answers either way.
      expect(await threaded.counts()).toEqual(await inline.counts());
      expect(await threaded.listSessions({ limit: 100 })).toEqual(
        await inline.listSessions({ limit: 100 }),
      );
    } finally {
      await threaded.close();
      await inline.close();
    }
  });

  it('lets two stores on one file in one process write at once without waiting out the busy timeout', async () => {
    const path = join(directory, 'shared.db');
    const first = await createSqliteStore({ path, busyTimeoutMs: 20_000 });
    const second = await createSqliteStore({ path, busyTimeoutMs: 20_000 });
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, batch) =>
          (batch % 2 === 0 ? first : second).upsert({
            observations: observations(batch % 2 === 0 ? 'a' : 'b', batch, 200),
          }),
        ),
      );
      expect((await first.counts()).records.observations).toBe(2000);
      expect(await first.acquireLease('first', 60_000, 1000)).toBe(true);
      expect(await second.acquireLease('second', 60_000, 1000)).toBe(false);
      expect((await second.getLease())?.owner).toBe('first');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('reports a file it cannot open as STORE_UNAVAILABLE, naming the cause', async () => {
    const error = await createSqliteStore({
      path: join(directory, 'missing', 'dir', 'x.db'),
    }).catch((caught: unknown) => caught);
    expect(isStoreError(error, 'STORE_UNAVAILABLE')).toBe(true);
    expect(String((error as Error).cause)).toMatch(/directory does not exist/i);
  });

  it('keeps SQLite’s error code on a write that fails in the thread', async () => {
    const path = join(directory, 'busy.db');
    const store = await createSqliteStore({ path, busyTimeoutMs: 50 });
    const other = await createSqliteStore({ path, writeThread: false });
    other.database.exec('begin immediate');
    try {
      const error = await store.saveSyncState({ watermark: 1 }).catch((caught: unknown) => caught);
      expect(isStoreError(error, 'STORE_UNAVAILABLE')).toBe(true);
      expect((error as Error).cause).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.database.exec('rollback');
      await other.close();
    }
    expect((await store.saveSyncState({ watermark: 2 })).watermark).toBe(2);
    await store.close();
  });

  it('fails pending and later writes when the thread dies, and still closes', async () => {
    // A thread that starts fine, then exits on its first call, as a crash would.
    const dying = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.postMessage({ kind: 'ready' });
         parentPort.on('message', () => process.exit(3));`,
        { eval: true },
      );
    const writer = await startThreadWriter(
      { path: join(directory, 'unused.db'), busyTimeoutMs: 10, preset: cupidPreset },
      dying,
    );
    await expect(writer.saveSyncState({ watermark: 1 })).rejects.toThrow(/exited \(code 3\)/);
    await expect(writer.releaseLease('anyone')).rejects.toThrow(/exited \(code 3\)/);
    await expect(writer.close()).resolves.toBeUndefined();
  });

  it('lets a process exit once its writes are done, even if the store is never closed', async () => {
    // --expose-gc: a flag a worker refuses if handed it, which the process may well run with.
    const child = spawnChild(
      [join(directory, 'child.db'), 'upsert-and-leave', 'c', '3', '100'],
      ['--expose-gc'],
    );
    expect(await child.nextLine()).toBe('done 300');
    expect(await child.exited).toBe(0);
  }, 30_000);
});
