import type { DashboardStoreOptions } from '@cupid-dashboard/core';
import type BetterSqlite3 from 'better-sqlite3';

/** Where the store keeps its data: a file it opens (and closes), or a connection you own. */
export type SqliteStoreTarget =
  | {
      /** Database file path; `':memory:'` for a private in-memory database. Created when missing. */
      path: string;
      database?: never;
    }
  | {
      /**
       * An open better-sqlite3 connection. The store sets its pragmas and migrates it, and never
       * closes it: `close()` leaves it to you.
       */
      database: BetterSqlite3.Database;
      path?: never;
    };

/**
 * Options of `createSqliteStore`.
 *
 * @example
 * const store = await createSqliteStore({ path: './cupid.db', busyTimeoutMs: 10_000 });
 */
export type SqliteStoreOptions = SqliteStoreTarget &
  DashboardStoreOptions & {
    /**
     * How long a statement waits for another connection's write lock before failing with
     * `SQLITE_BUSY`, milliseconds. Default 5000.
     */
    busyTimeoutMs?: number;
    /**
     * Run the store's writes (upserts, `refresh('all')`, sync state, leases) on a worker thread
     * of its own, so a large upsert never blocks your event loop and a sync's downloads go on
     * while a page is written. Queries stay on your thread, on their own connection. Only a file
     * can be shared with a thread: `':memory:'` and a `database` you pass always write on your
     * thread. Default `true` for a file path.
     */
    writeThread?: boolean;
  };

/** The default of {@link SqliteStoreOptions.busyTimeoutMs}, milliseconds. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
