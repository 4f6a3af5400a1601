/** The store the benchmark syncs into: SQLite when its package is usable (the realistic one), else memory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, type DashboardStore } from '@cupid-dashboard/core';

export interface BenchStore {
  kind: 'sqlite' | 'memory';
  store: DashboardStore;
  close(): Promise<void>;
}

type SqliteModule = { createSqliteStore?: (options: { path: string }) => Promise<DashboardStore> };

/** `BENCH_STORE=memory|sqlite` forces one; by default SQLite if it loads, else memory. */
export async function openBenchStore(): Promise<BenchStore> {
  const wanted = process.env.BENCH_STORE;
  if (wanted !== 'memory') {
    try {
      const name = '@cupid-dashboard/sqlite-store';
      const mod = (await import(name)) as SqliteModule;
      if (typeof mod.createSqliteStore === 'function') {
        const dir = mkdtempSync(join(tmpdir(), 'cupid-bench-'));
        const store = await mod.createSqliteStore({ path: join(dir, 'bench.db') });
        return {
          kind: 'sqlite',
          store,
          close: async () => {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
    } catch (error) {
      if (wanted === 'sqlite') throw error;
      console.warn(
        `SQLite store unavailable (${(error as Error).message}); using the memory store`,
      );
    }
  }
  const store = createMemoryStore();
  return { kind: 'memory', store, close: () => store.close() };
}
