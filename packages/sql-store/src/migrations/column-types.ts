import type { ColumnDataType, Expression } from 'kysely';

/** A column type: a name Kysely knows, or raw SQL such as `text collate "C"`. */
export type DataTypeExpression = ColumnDataType | Expression<unknown>;

/**
 * The column types a store's migrations create the shared tables with, by role. The stores
 * differ only here: SQLite's type affinities against PostgreSQL's exact types.
 */
export interface ColumnTypes {
  /** Ids and names that are sorted and grouped (PostgreSQL: `text collate "C"`, code-unit order). */
  key: DataTypeExpression;
  /** Epoch milliseconds, durations in milliseconds, counters that may pass 2^31. */
  time: DataTypeExpression;
  /** Small whole numbers: counts per session, chapter numbers. */
  int: DataTypeExpression;
  /** Costs, tokens, latencies. */
  real: DataTypeExpression;
}
