import type { ServerConfig } from '../../config';
import { describeStore, openStore, redactUrl } from '../../open-store';
import type { CheckResult } from './check';

/**
 * Opens (creating and migrating, as `serve` would) the configured database, SQLite or PostgreSQL,
 * and reads its sync state. The failure names the driver's reason (refused, unknown host, bad
 * password) but never the connection string's password.
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
      detail: `cannot open ${where}: ${typeof code === 'string' ? `${code}: ` : ''}${withoutSecret(reasonOf(error), config)}`,
      fix:
        config.databaseUrl === undefined
          ? 'set DATABASE_PATH to a file in a folder this user can write (the folder is created)'
          : 'check that PostgreSQL runs and accepts DATABASE_URL (host, port, user, password, database)',
    };
  }
}

/** The error's message and, when it wraps one, the driver's (e.g. `connect ECONNREFUSED …`). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  const inner = cause instanceof Error && cause.message ? cause.message : '';
  return inner && inner !== message ? `${message} (${inner})` : message;
}

/** `text` with the connection string replaced by its redacted form, should a driver echo it. */
function withoutSecret(text: string, config: ServerConfig): string {
  const url = config.databaseUrl;
  if (url === undefined) return text;
  const password = (() => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return '';
    }
  })();
  const redacted = text.split(url).join(redactUrl(url));
  return password ? redacted.split(password).join('***') : redacted;
}
