import type { Expression } from 'kysely';

/** A select not yet run: a store executes it alone or reads it inside a larger statement. */
export interface PartQuery<R> extends Expression<R> {
  execute(): Promise<R[]>;
}

/**
 * One part of an answer: its select (null when the range reads nothing of it) and what its rows
 * make. A store may run the select alone or read its rows as JSON inside a larger statement
 * (PostgreSQL, where `bigint` and `numeric` then arrive as numbers rather than strings): the
 * row type must allow both forms, as `Num` does.
 */
export interface ReadPart<T> {
  readonly query: PartQuery<unknown> | null;
  read(rows: readonly unknown[]): T;
}

/**
 * A part from a select and what its rows make; with no select, what no rows make.
 *
 * @example
 * readPart(db.selectFrom('score_hour').select('name'), (rows) => rows.map((row) => row.name));
 */
export function readPart<R, T>(
  query: PartQuery<R> | null,
  read: (rows: readonly R[]) => T,
): ReadPart<T> {
  // The rows come from `query`, run alone or read as JSON: both are rows of R (see above).
  return { query, read: (rows) => read(rows as readonly R[]) };
}

/** What each part of a record makes, keyed as the parts are. */
export type PartValues<P> = { [K in keyof P]: P[K] extends ReadPart<infer T> ? T : never };

/**
 * How a store reads several parts of one answer on handle `D`: one statement after another
 * (SQLite, in-process, where a statement costs no round trip: {@link readPartsInTurn}), or all
 * in one statement (PostgreSQL, where each would be a round trip to the server).
 */
export type PartReader<D> = <P extends Record<string, ReadPart<unknown>>>(
  db: D,
  parts: P,
) => Promise<PartValues<P>>;

/** Runs each part's select as a statement of its own, in turn. */
export async function readPartsInTurn<P extends Record<string, ReadPart<unknown>>>(
  _db: unknown,
  parts: P,
): Promise<PartValues<P>> {
  const values: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(parts)) {
    values[key] = part.read(part.query === null ? [] : await part.query.execute());
  }
  return values as PartValues<P>;
}
