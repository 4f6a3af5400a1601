import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { countConnections } from '../src/db/pool-connections';

/** The benchmark's own connection to the server, for statistics and sizes. */
export interface AdminDb {
  readonly db: Kysely<unknown>;
  /** Ends the connection and waits for its socket to close, so the server may stop next. */
  close(): Promise<void>;
}

/** Opens one connection to `url` beside the store's pool. */
export function openAdmin(url: string): AdminDb {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const connections = countConnections(pool);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      await connections.closed();
    },
  };
}
