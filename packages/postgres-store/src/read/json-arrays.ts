import type { PartReader, PartValues, ReadPart } from '@cupid-dashboard/sql-store';
import { type Expression, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/types';

/** The rows of each select (none for a null one), keyed as the selects are. */
export type JsonArrays<T> = {
  [K in keyof T]: NonNullable<T[K]> extends Expression<infer O> ? O[] : never;
};

/**
 * Reads several selects in one statement, each as a JSON array of its rows
 * (`select (select json_agg(…) from (…)), …`), so an answer made of many small parts costs one
 * round trip. Columns come back as JSON gives them: `bigint` and `numeric` as numbers (exact up
 * to 2^53; counts and epoch milliseconds are), text as strings.
 */
export async function readJsonArrays<T extends Record<string, Expression<unknown> | null>>(
  db: Db,
  selects: T,
): Promise<JsonArrays<T>> {
  const columns = Object.entries(selects).map(([name, select]) =>
    select === null ? sql<unknown[]>`'[]'::json`.as(name) : jsonArrayFrom(select).as(name),
  );
  const row = await db.selectNoFrom(columns).executeTakeFirstOrThrow();
  return row as JsonArrays<T>;
}

/**
 * Reads an answer's parts (the shared score reads') in one statement with {@link readJsonArrays}:
 * one round trip where running them in turn would cost one each, and a read that needs no
 * transaction.
 */
export const readPartsAsJson: PartReader<Db> = async <P extends Record<string, ReadPart<unknown>>>(
  db: Db,
  parts: P,
): Promise<PartValues<P>> => {
  const entries = Object.entries(parts);
  const rows = await readJsonArrays(
    db,
    Object.fromEntries(entries.map(([key, part]) => [key, part.query])),
  );
  return Object.fromEntries(
    entries.map(([key, part]) => [key, part.read(rows[key] ?? [])]),
  ) as PartValues<P>;
};
