import { sql } from 'kysely';
import type { Db } from './types';

/**
 * Runs `body` in a `BEGIN IMMEDIATE` transaction on one connection: the write lock is taken up
 * front (waiting up to the busy timeout for another process's writer), so a read-then-write
 * sequence such as the lease check can never lose a race or deadlock on lock upgrade.
 */
export async function writeTransaction<T>(db: Db, body: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await body(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Runs `body` in a read transaction, so the several queries of one answer see one snapshot even
 * while another connection commits.
 */
export async function readTransaction<T>(db: Db, body: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    try {
      return await body(connection);
    } finally {
      await sql`commit`.execute(connection).catch(() => undefined);
    }
  });
}
