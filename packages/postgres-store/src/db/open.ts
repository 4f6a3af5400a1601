import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PostgresConnection, PostgresStoreOptions } from '../options';
import { migrationProvider } from './migrations';
import { countConnections } from './pool-connections';
import type { StoreSchema } from './schema';

/** An open, migrated database. */
export interface OpenDatabase {
  /** Bound to the store's schema. */
  readonly db: Kysely<StoreSchema>;
  /** The store's schema name. */
  readonly schema: string;
  /** Ends the pool when the store created it, once its connections have closed; leaves a pool you passed open. */
  close(): Promise<void>;
}

/** One advisory lock key for every migration, so stores opening at once take turns. */
const MIGRATION_LOCK = 'cupid-dashboard:migrate';

/**
 * Connects and migrates. Several instances may open the same database at once: each takes a
 * session-level advisory lock before creating the extension, the schema and the migration
 * tables, so exactly one of them runs each migration and the others find it done.
 */
export async function openDatabase(
  connection: PostgresConnection,
  options: PostgresStoreOptions,
): Promise<OpenDatabase> {
  const schema = options.schema ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError('schema must be a plain identifier of letters, digits and underscores');
  }
  const owned = 'connectionString' in connection;
  const pool = owned
    ? new pg.Pool({
        connectionString: connection.connectionString,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      })
    : connection.pool;
  // An idle connection the server drops (a restart) emits 'error' on the pool; unhandled, that
  // would end the process. The next query gets a fresh connection, or fails as STORE_UNAVAILABLE.
  if (owned) pool.on('error', () => undefined);
  const connections = owned ? countConnections(pool) : undefined;
  const root = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  // Ending an owned pool waits for its sockets to close, so a database stopped right after
  // `close()` finds no connection of ours still open.
  const close = connections
    ? async () => {
        await root.destroy();
        await connections.closed();
      }
    : async () => undefined;
  try {
    await migrate(root, schema);
  } catch (error) {
    await close();
    throw error;
  }
  return { db: schema === 'public' ? root : root.withSchema(schema), schema, close };
}

async function migrate(root: Kysely<StoreSchema>, schema: string): Promise<void> {
  await root.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`.execute(connection);
    try {
      await sql`create extension if not exists pg_trgm`.execute(connection);
      await sql`create schema if not exists ${sql.id(schema)}`.execute(connection);
      const migrator = new Migrator({
        db: connection.withSchema(schema),
        provider: migrationProvider,
        migrationTableSchema: schema,
      });
      const { error } = await migrator.migrateToLatest();
      if (error) throw error;
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`.execute(connection);
    }
  });
}
