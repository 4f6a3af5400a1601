import {
  cupidPreset,
  type DashboardStore,
  storedAny,
  validateUpsertBatch,
} from '@cupid-dashboard/core';
import {
  acquireLease,
  bumpDataVersion,
  guardedCalls,
  openOrUnavailable,
  PendingRefresh,
  patchSyncState,
  readDataVersion,
  readLease,
  releaseLease,
  renewLease,
  snapshotReader,
} from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import { oneStatementRead } from './db/one-statement';
import { openDatabase } from './db/open';
import { readTransaction, writeTransaction } from './db/transactions';
import type { Db } from './db/types';
import type { PostgresConnection, PostgresStoreOptions } from './options';
import { readCounts } from './read/counts';
import { postgresReads } from './read/reads';
import { refreshStatisticsWhenGrown } from './write/planner-statistics';
import { rebuildAll } from './write/rebuild';
import { upsertBatch } from './write/upsert';

const always = () => true;

/** A `DashboardStore` on PostgreSQL. */
export interface PostgresDashboardStore extends DashboardStore {
  /** The database engine, for `/health`. */
  readonly engine: 'postgresql';
  /** The schema the store's tables live in. */
  readonly schema: string;
}

/**
 * Opens a `DashboardStore` on PostgreSQL through Kysely over node-postgres, and migrates its
 * schema (safe when several instances open the same database at once: they take turns under an
 * advisory lock, and each migration runs once).
 *
 * Every `upsert` is one transaction that stores the records under the version rule and updates
 * what they touched (trace and session aggregates, each agent's first call per session, the
 * sessions' search text), so queries reflect a write when it commits. Writers on every instance
 * take turns under a transaction-level advisory lock; readers never wait (each answer is read in
 * one statement or one `REPEATABLE READ` snapshot). The sync state and lease live in the
 * database, so several instances share them: of many calling `acquireLease` at once exactly one
 * gets it.
 *
 * @param connection `{ connectionString }` (the store creates and ends its pool) or `{ pool }`
 *   (yours; left open by `close()`)
 * @param options `preset` (default `cupidPreset`), `now` (default `Date.now`), `schema` (default
 *   `'public'`), `poolSize` (default 10 connections), `connectTimeoutMs` (default 10 000 ms)
 * @example
 * const store = await createPostgresStore(
 *   { connectionString: process.env.DATABASE_URL! },
 *   { poolSize: 20 },
 * );
 * const { touched } = await store.upsert({ traces, observations });
 * await store.refresh(touched);
 * const page = await store.listSessions({ status: 'active', sort: 'cost' });
 * await store.close();
 */
export async function createPostgresStore(
  connection: PostgresConnection,
  options: PostgresStoreOptions = {},
): Promise<PostgresDashboardStore> {
  const preset = options.preset ?? cupidPreset;
  const clock = options.now ?? Date.now;
  const opened = await openOrUnavailable('PostgreSQL', openDatabase(connection, options));
  const { db, schema } = opened;
  const pending = new PendingRefresh();
  // Every method runs unless closed; failures other than DashboardErrors become STORE_UNAVAILABLE.
  const { guard, use, markClosed } = guardedCalls('PostgreSQL');
  const read = <T>(body: (db: Db) => Promise<T>) => use(() => readTransaction(db, body));
  const readOne = <T>(body: (db: Db) => Promise<T>) => use(() => oneStatementRead(db, body));
  /** A write an answer may show: the data version moves in the same transaction when it changed. */
  const writeData = <T>(body: (db: Db) => Promise<T>, changed: (result: T) => boolean) =>
    use(() =>
      writeTransaction(db, schema, async (trx) => {
        const result = await body(trx);
        if (changed(result)) await bumpDataVersion(trx);
        return result;
      }),
    );

  return {
    engine: 'postgresql',
    schema,
    preset,

    upsert: (batch) =>
      use(async () => {
        validateUpsertBatch(batch);
        const result = await writeData((trx) => upsertBatch(trx, batch, preset), storedAny);
        pending.add(result.touched);
        // The write has committed: statistics that fail to refresh (autovacuum's job too) must
        // not make it look failed.
        if (result.written.observations > 0) {
          await refreshStatisticsWhenGrown(db, schema).catch(() => undefined);
        }
        return result;
      }),

    refresh: (touched) =>
      use(() => pending.refresh(touched, () => writeData((trx) => rebuildAll(trx), always))),

    saveSyncState: (patch) =>
      writeData((trx) => patchSyncState(trx, patch, { lockRow: true }), always),
    acquireLease: (owner, ttlMs, now) => use(() => acquireLease(db, owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => use(() => renewLease(db, owner, ttlMs, now)),
    releaseLease: (owner) => use(() => releaseLease(db, owner)),
    getLease: () => use(() => readLease(db)),

    ...postgresReads(read, preset, clock, readOne),

    // One statement reads one committed state: no transaction needed on every cached request.
    getDataVersion: () => use(() => readDataVersion(db)),

    readSnapshot: snapshotReader(read, (trx) =>
      postgresReads((query) => guard(() => query(trx)), preset, clock),
    ),

    counts: () => read((trx) => readCounts(trx)),

    ping: () =>
      use(async () => {
        await sql`select 1`.execute(db);
      }),

    close: async () => {
      if (markClosed()) await opened.close();
    },
  };
}
