import { cupidPreset, type DashboardStore, validateUpsertBatch } from '@cupid-dashboard/core';
import {
  guardedCalls,
  openOrUnavailable,
  PendingRefresh,
  readDataVersion,
  readLease,
  snapshotReader,
} from '@cupid-dashboard/sql-store';
import type BetterSqlite3 from 'better-sqlite3';
import { readTransaction } from './db/transactions';
import type { SqliteStoreOptions } from './options';
import { readCounts } from './read/counts';
import { sqliteReads } from './read/reads';
import { openConnections } from './write-thread/open-store';

/** A `DashboardStore` on SQLite, plus its connection on your thread. */
export interface SqliteDashboardStore extends DashboardStore {
  /**
   * The store's better-sqlite3 connection on your thread: yours when you passed `database`; the
   * write connection for `':memory:'` or with `writeThread: false`; otherwise (a file, writing on
   * its own thread) the connection queries read from.
   */
  readonly database: BetterSqlite3.Database;
}

/**
 * Opens a `DashboardStore` on a SQLite file (or a connection you own) through Kysely over
 * better-sqlite3. On open it sets WAL, `synchronous=NORMAL` and the busy timeout, and runs the
 * schema migrations (idempotent: reopening an up-to-date file changes nothing).
 *
 * Writes to a file run on a worker thread of the store's own (`writeThread`, default on), so
 * your event loop keeps serving while a page is written. Every `upsert` is one `BEGIN IMMEDIATE`
 * transaction that stores the records and updates everything derived from exactly what the batch
 * touched (rollups per agent and model per hour and day with latency sketches, trace and session
 * aggregates, the FTS5 search text), so queries reflect it on commit and `refresh(touched)` has
 * nothing left to do. `refresh('all')` rebuilds every derived row from the raw records. Queries
 * run on a second read connection and are never blocked by a running write.
 *
 * @param options `{ path }` (a file, created when missing, or `':memory:'`) or `{ database }`;
 *   `preset` (default `cupidPreset`); `now` (default `Date.now`); `busyTimeoutMs` (default 5000);
 *   `writeThread` (default `true` for a file path)
 * @example
 * const store = await createSqliteStore({ path: './cupid.db' });
 * const { touched } = await store.upsert({ traces, observations });
 * await store.refresh(touched);
 * const page = await store.listSessions({ status: 'active', sort: 'cost' });
 * await store.close();
 */
export async function createSqliteStore(
  options: SqliteStoreOptions,
): Promise<SqliteDashboardStore> {
  const preset = options.preset ?? cupidPreset;
  const clock = options.now ?? Date.now;
  const opened = await openOrUnavailable('SQLite', openConnections(options, preset));
  const { writer, reader } = opened;
  const pending = new PendingRefresh();
  // Every method runs unless closed; failures other than DashboardErrors become STORE_UNAVAILABLE.
  const { guard, use, markClosed } = guardedCalls('SQLite');
  const read = <T>(body: Parameters<typeof readTransaction<T>>[1]) =>
    use(() => readTransaction(reader, body));

  return {
    engine: 'sqlite',
    preset,
    database: opened.database,

    upsert: (batch) =>
      use(async () => {
        validateUpsertBatch(batch);
        const result = await writer.upsert(batch);
        pending.add(result.touched);
        return result;
      }),

    refresh: (touched) => use(() => pending.refresh(touched, () => writer.rebuild())),

    saveSyncState: (patch) => use(() => writer.saveSyncState(patch)),
    acquireLease: (owner, ttlMs, now) => use(() => writer.acquireLease(owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => use(() => writer.renewLease(owner, ttlMs, now)),
    releaseLease: (owner) => use(() => writer.releaseLease(owner)),
    getLease: () => read((db) => readLease(db)),

    ...sqliteReads(read, preset, clock),

    // One statement reads one state: no transaction needed, and this runs on every cached request.
    getDataVersion: () => use(() => readDataVersion(reader)),

    readSnapshot: snapshotReader(read, (db) =>
      sqliteReads((query) => guard(() => query(db)), preset, clock),
    ),

    counts: () => read((db) => readCounts(db)),

    ping: () =>
      read(async (db) => {
        await db.selectFrom('counters').select('name').limit(1).execute();
      }),

    close: async () => {
      if (markClosed()) await opened.close();
    },
  };
}
