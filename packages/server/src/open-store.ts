import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DashboardStore } from '@cupid-dashboard/core';
import type { ServerConfig } from './config';

/**
 * Opens (and migrates) the store the configuration names: the SQLite file at `databasePath`,
 * creating its folder, or an in-memory SQLite database for `:memory:`. The one place that picks
 * a store, so another backend is one branch here.
 *
 * @example
 * const store = await openStore(loadConfig(process.env));
 * console.log((await store.getSyncState()).status);
 * await store.close();
 */
export async function openStore(config: ServerConfig): Promise<DashboardStore> {
  if (config.databasePath !== ':memory:') {
    mkdirSync(dirname(config.databasePath), { recursive: true });
  }
  // Loaded here so a host that injects its own store never loads the native SQLite module.
  const { createSqliteStore } = await import('@cupid-dashboard/sqlite-store');
  return createSqliteStore({ path: config.databasePath });
}

/**
 * Where the store lives, for logs and `doctor`: the database path. Never a credential (a future
 * connection URL must be shown without its password).
 */
export function describeStore(config: ServerConfig): string {
  return config.databasePath === ':memory:' ? 'SQLite in memory' : `SQLite ${config.databasePath}`;
}
