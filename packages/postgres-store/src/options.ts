import type { DashboardStoreOptions } from '@cupid-dashboard/core';
import type { Pool } from 'pg';

/** Where the store connects: a connection string (the store owns its pool) or your pool. */
export type PostgresConnection =
  | {
      /** e.g. `postgres://user:password@host:5432/db`. */
      connectionString: string;
    }
  | {
      /** A node-postgres pool you own: the store never ends it. */
      pool: Pool;
    };

/**
 * Options of `createPostgresStore` beside the connection.
 *
 * @example
 * await createPostgresStore({ connectionString }, { schema: 'cupid', poolSize: 20 });
 */
export interface PostgresStoreOptions extends DashboardStoreOptions {
  /** The PostgreSQL schema the store's tables live in, created when missing. Default `'public'`. */
  schema?: string;
  /** Connections of the pool the store creates (ignored with `pool`). Default 10. */
  poolSize?: number;
  /** How long opening a connection may take, milliseconds (ignored with `pool`). Default 10 000. */
  connectTimeoutMs?: number;
}
