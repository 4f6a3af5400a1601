import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DashboardStore } from '@cupid-dashboard/core';
import type { ServerConfig } from './config';

/**
 * Opens (and migrates) the store the configuration names: PostgreSQL at `databaseUrl` when it is
 * set, otherwise the SQLite file at `databasePath` (creating its folder), or an in-memory SQLite
 * database for `:memory:`. The one place that picks a store.
 *
 * @example
 * const store = await openStore(loadConfig(process.env));
 * console.log(store.engine, (await store.getSyncState()).status);
 * await store.close();
 */
export async function openStore(config: ServerConfig): Promise<DashboardStore> {
  // Each driver is loaded only when chosen, so a SQLite deployment never loads `pg` and a
  // PostgreSQL one never loads the native SQLite module.
  if (config.databaseUrl !== undefined) {
    const { createPostgresStore } = await import('@cupid-dashboard/postgres-store');
    return createPostgresStore(
      { connectionString: config.databaseUrl },
      { poolSize: config.databasePoolSize },
    );
  }
  if (config.databasePath !== ':memory:') {
    mkdirSync(dirname(config.databasePath), { recursive: true });
  }
  const { createSqliteStore } = await import('@cupid-dashboard/sqlite-store');
  return createSqliteStore({ path: config.databasePath });
}

/**
 * Where the store lives, for logs and `doctor`: the SQLite path, or the PostgreSQL host, port and
 * database with the user but never the password.
 *
 * @example
 * describeStore(config); // 'PostgreSQL postgres://cupid@db.internal:5432/cupid (pool 10)'
 */
export function describeStore(config: ServerConfig): string {
  if (config.databaseUrl !== undefined) {
    return `PostgreSQL ${redactUrl(config.databaseUrl)} (pool ${config.databasePoolSize})`;
  }
  return config.databasePath === ':memory:' ? 'SQLite in memory' : `SQLite ${config.databasePath}`;
}

/**
 * A connection string without its password or query (which may carry `password=`), e.g.
 * `postgres://cupid:s3cret@db:5432/cupid?sslmode=require` → `postgres://cupid@db:5432/cupid`.
 */
export function redactUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    // Unparseable: show only the scheme rather than risk echoing a credential.
    return `${connectionString.split(':')[0]}://…`;
  }
}
