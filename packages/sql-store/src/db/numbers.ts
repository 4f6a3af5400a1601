/**
 * A number column as the shared queries see it: SQLite hands back JS numbers, node-postgres hands
 * `bigint` and `numeric` back as strings. Readers convert with `toNumber` where they add or compare.
 */
export type Num = number | string;
