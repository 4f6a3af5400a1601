import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { migrationProvider } from './migrations';
import type { StoreSchema } from './schema';
import { cachingDatabase } from './statement-cache';

/** One better-sqlite3 connection and the Kysely handle over it. */
export interface Connection {
  database: Database.Database;
  db: Kysely<StoreSchema>;
  /** Closes the connection unless the caller owns it (it passed `database`). */
  close(): Promise<void>;
}

/**
 * Opens (or adopts) the connection writes go through, sets its pragmas and migrates the file to
 * the latest schema.
 *
 * Pragmas: `journal_mode=WAL` (readers and one writer at once) checkpointed every 64 MiB,
 * `synchronous=NORMAL` (durable at checkpoints, safe with WAL), `busy_timeout`, and a larger page
 * cache for the rollup reads.
 */
export async function openWriteConnection(
  target: { path: string } | { database: Database.Database },
  busyTimeoutMs: number,
): Promise<Connection> {
  const owned = !('database' in target);
  const database = 'database' in target ? target.database : new Database(target.path);
  try {
    configure(database, busyTimeoutMs);
    const db = wrap(database);
    await migrate(db);
    return {
      database,
      db,
      close: async () => {
        if (owned) database.close();
      },
    };
  } catch (error) {
    if (owned) database.close();
    throw error;
  }
}

/**
 * Opens a second connection to an existing file for reads, so a running write transaction never
 * makes a query wait (WAL readers see the last commit).
 */
export function openReadConnection(path: string, busyTimeoutMs: number): Connection {
  const database = new Database(path, { fileMustExist: true });
  configure(database, busyTimeoutMs);
  return {
    database,
    db: wrap(database),
    close: async () => {
      database.close();
    },
  };
}

/** True when the connection is to a file another connection can open too. */
export function isFileDatabase(database: Database.Database): boolean {
  return !database.memory && database.name !== '' && database.name !== ':memory:';
}

function wrap(database: Database.Database): Kysely<StoreSchema> {
  return new Kysely<StoreSchema>({
    dialect: new SqliteDialect({ database: cachingDatabase(database) }),
  });
}

function configure(database: Database.Database, busyTimeoutMs: number): void {
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (!database.memory) {
    database.pragma('journal_mode = WAL');
    // Copying the log back into the file costs two fsyncs however little it holds; at SQLite's
    // default (every 4 MB) a backfill spent a quarter of its write time there. Every 64 MB, and
    // the log is cut back to that size once copied, so it does not stay at its largest.
    database.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    database.pragma(`journal_size_limit = ${WAL_CHECKPOINT_PAGES * 4096}`);
  }
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
}

/** Pages (4 KiB) the write-ahead log grows to before it is copied into the file: 64 MiB. */
export const WAL_CHECKPOINT_PAGES = 16_384;

/**
 * Runs the migrations inside one `BEGIN IMMEDIATE` transaction, so two processes opening a new
 * file at once migrate it once: the second waits for the write lock (busy timeout), then finds
 * nothing left to do.
 */
async function migrate(db: Kysely<StoreSchema>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const migrator = new Migrator({
        db: connection,
        provider: migrationProvider,
        disableTransactions: true,
      });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
      await sql`commit`.execute(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
