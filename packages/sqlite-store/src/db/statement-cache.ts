import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Hands Kysely's SQLite dialect a connection that keeps prepared statements by SQL text, so the
 * same statement (a page insert, a rollup read) is compiled by SQLite once, not on every call as
 * the stock dialect does. Least recently used statements beyond `capacity` are dropped.
 *
 * @param capacity statements kept, default 256
 */
export function cachingDatabase(database: Database.Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= capacity) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
