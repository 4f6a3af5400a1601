import { type Compilable, CompiledQuery } from 'kysely';
import { chunks } from '../chunks';
import type { Db } from './types';

const SENTINEL = '\u0000bulk:';

/**
 * A multi-row insert built once with Kysely and re-run with new parameters: the query for a
 * given row count is compiled from placeholder rows the first time, and later calls only lay out
 * the parameters, so a page of 1,000 rows costs no query building and (with the statement cache)
 * no SQL compilation. The statement must take parameters from the rows' values only.
 *
 * @param columns every column of a row, in any order
 * @param build the Kysely query for some rows (insert, maybe with `onConflict` and `returning`)
 * @param chunkSize rows per statement, default 200 (keeps under SQLite's parameter limit)
 * @example
 * const insertLeases = bulkInsert(['id', 'owner'], (db, rows) => db.insertInto('t').values(rows));
 * await insertLeases(db, [{ id: 1, owner: 'a' }]);
 */
export function bulkInsert<Row extends object, Out = unknown>(
  columns: readonly (keyof Row & string)[],
  build: (db: Db, rows: Row[]) => Compilable,
  chunkSize = 200,
): (db: Db, rows: readonly Row[]) => Promise<Out[]> {
  const compiled = new Map<number, { sql: string; layout: (keyof Row & string)[] }>();
  const compile = (db: Db, count: number) => {
    let query = compiled.get(count);
    if (!query) {
      const placeholders = Array.from(
        { length: count },
        (_, index) =>
          Object.fromEntries(
            columns.map((column) => [column, `${SENTINEL}${index}:${column}`]),
          ) as Row,
      );
      const { sql, parameters } = build(db, placeholders).compile();
      const layout = parameters.slice(0, parameters.length / count).map((parameter) => {
        const text = String(parameter);
        if (!text.startsWith(`${SENTINEL}0:`)) throw new Error('bulkInsert: unexpected parameter');
        return text.slice(`${SENTINEL}0:`.length) as keyof Row & string;
      });
      if (parameters.length !== count * layout.length) {
        throw new Error('bulkInsert: the statement takes parameters beyond the rows');
      }
      query = { sql, layout };
      compiled.set(count, query);
    }
    return query;
  };
  return async (db, rows) => {
    const out: Out[] = [];
    for (const slice of chunks(rows, chunkSize)) {
      const { sql, layout } = compile(db, slice.length);
      const parameters: unknown[] = new Array(slice.length * layout.length);
      let position = 0;
      for (const row of slice) {
        for (const column of layout)
          parameters[position++] = (row as Record<string, unknown>)[column];
      }
      const result = await db.executeQuery<Out>(CompiledQuery.raw(sql, parameters));
      for (const row of result.rows) out.push(row);
    }
    return out;
  };
}
