import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createPostgresStore, type PostgresDashboardStore } from '../../src/index';
import { freshSchema } from './schemas';
import { tableRows } from './tables';

/** A store in a schema of its own, and the rows of some of its tables read back to compare. */
export interface StoreTables {
  /** The store, open from the block's `beforeAll` to its `afterAll`. */
  readonly store: PostgresDashboardStore;
  /** The schema the store's tables are in. */
  readonly schema: string;
  /** Every row of each table, in its order, each column's value as compared. */
  rows(): Promise<Record<string, unknown[]>>;
}

/**
 * Float sums as compared: to 12 digits, since their last bits differ with the order they were
 * added in (an incremental write against a rebuild). Other columns as read.
 */
export function roundingFloats(floats: readonly string[]) {
  const set = new Set(floats);
  return (column: string, value: unknown): unknown =>
    set.has(column) ? Number(value).toPrecision(12) : value;
}

/**
 * Opens a store in a fresh schema, and a client on the run's server to read its tables, for the
 * tests of the enclosing `describe` (both closed after them).
 *
 * @param tables each table read back, with the `order by` its rows are read in
 * @param comparable a column's value as compared (default: as read)
 */
export function storeTables(
  tables: Readonly<Record<string, string>>,
  comparable: (column: string, value: unknown) => unknown = (_column, value) => value,
): StoreTables {
  const url = inject('postgresUrl');
  const client = new pg.Client({ connectionString: url });
  const schema = freshSchema();
  let store: PostgresDashboardStore | undefined;
  beforeAll(async () => {
    await client.connect();
    store = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await client.end();
  });
  return {
    schema,
    get store() {
      if (store === undefined) throw new Error('the store opens in beforeAll');
      return store;
    },
    async rows() {
      const read = await tableRows(client, schema, tables);
      return Object.fromEntries(
        Object.entries(read).map(([table, rows]) => [
          table,
          rows.map((row) =>
            Object.fromEntries(
              Object.entries(row as Record<string, unknown>).map(([column, value]) => [
                column,
                comparable(column, value),
              ]),
            ),
          ),
        ]),
      );
    },
  };
}
