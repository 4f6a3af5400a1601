import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { DEFAULT_BUSY_TIMEOUT_MS, type SqliteStoreOptions } from '../options';
import { migrationProvider } from './migrations';
import type { StoreSchema } from './schema';
import { cachingDatabase } from './statement-cache';

/** The connections a store works through. */
export interface OpenDatabase {
  /** The connection writes go through (and reads too for an in-memory database). */
  database: Database.Database;
  writer: Kysely<StoreSchema>;
  /**
   * A second connection to the same file for reads, so a running write transaction never makes a
   * query wait (WAL readers see the last commit). The writer itself for in-memory databases.
   */
  reader: Kysely<StoreSchema>;
  /** Closes what the store opened; a connection passed in stays open. */
  close(): Promise<void>;
}

/**
 * Opens (or adopts) the database, sets its pragmas and migrates it to the latest schema.
 *
 * Pragmas: `journal_mode=WAL` (readers and one writer at once), `synchronous=NORMAL` (durable at
 * checkpoints, safe with WAL), `busy_timeout`, and a larger page cache for the rollup reads.
 */
export async function openDatabase(options: SqliteStoreOptions): Promise<OpenDatabase> {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const owned = options.database === undefined;
  const database = options.database ?? new Database(options.path as string);
  configure(database, busyTimeoutMs);
  const writer = new Kysely<StoreSchema>({
    dialect: new SqliteDialect({ database: cachingDatabase(database) }),
  });
  await migrate(writer);

  let readerDatabase: Database.Database | null = null;
  if (!database.memory && database.name !== '' && database.name !== ':memory:') {
    readerDatabase = new Database(database.name, { fileMustExist: true });
    configure(readerDatabase, busyTimeoutMs);
  }
  const reader = readerDatabase
    ? new Kysely<StoreSchema>({
        dialect: new SqliteDialect({ database: cachingDatabase(readerDatabase) }),
      })
    : writer;

  return {
    database,
    writer,
    reader,
    async close() {
      // Kysely's destroy closes the better-sqlite3 connection it wraps, which must not happen to
      // a connection the caller passed in.
      if (readerDatabase) readerDatabase.close();
      if (owned) database.close();
    },
  };
}

function configure(database: Database.Database, busyTimeoutMs: number): void {
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (!database.memory) database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
}

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
