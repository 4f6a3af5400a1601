/**
 * A number column as the shared queries see it: SQLite hands back JS numbers, node-postgres hands
 * `bigint` and `numeric` back as strings. Readers convert with {@link toNumber}.
 */
export type Num = number | string;

/**
 * A number from a column node-postgres may hand back as a string (`bigint`, `numeric`, counts and
 * sums of them); SQLite's numbers pass through. Converting here keeps the stores independent of
 * the pool's type parsers, which belong to whoever owns the pool.
 *
 * @example
 * toNumber('1732104000000'); // 1732104000000
 */
export function toNumber(value: Num): number {
  return typeof value === 'number' ? value : Number(value);
}

/** {@link toNumber}, keeping null. */
export function toNumberOrNull(value: Num | null): number | null {
  return value === null ? null : toNumber(value);
}
