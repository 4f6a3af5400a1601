import type { ServerConfig } from '../../config';
import { describeStore, openStore } from '../../open-store';
import type { CheckResult } from './check';

/**
 * Opens (creating and migrating, as `serve` would) the configured database and reads its sync
 * state.
 *
 * @example
 * formatCheck(await databaseCheck(config)); // 'ok    database  SQLite /data/cupid.db opens; last sync: success at …'
 */
export async function databaseCheck(config: ServerConfig): Promise<CheckResult> {
  const name = 'database';
  const where = describeStore(config);
  try {
    const store = await openStore(config);
    try {
      const state = await store.getSyncState();
      const last = state.lastRun
        ? `last sync: ${state.lastRun.status} at ${new Date(state.lastRun.startedAt).toISOString()}`
        : 'never synced';
      return { name, outcome: 'ok', detail: `${where} opens; ${last}` };
    } finally {
      await store.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      name,
      outcome: 'fail',
      detail: `cannot open ${where}: ${typeof code === 'string' ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}`,
      fix: 'set DATABASE_PATH to a file in a folder this user can write (the folder is created)',
    };
  }
}
