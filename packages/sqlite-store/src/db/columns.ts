import type { RollupTable, RollupTotalTable, SessionAggTable } from './schema';

/**
 * The `session_agg` columns the session rollups add up, in select order.
 *
 * @example
 * db.selectFrom('session_agg').select(SESSION_FACT_COLUMNS);
 */
export const SESSION_FACT_COLUMNS = [
  'started_at',
  'duration_ms',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'chapter_reached',
  'error_count',
] as const satisfies readonly (keyof SessionAggTable)[];

/** The key of a rollup row (`rollup_hour`, `rollup_day`): bucket × agent × model. */
export const ROLLUP_KEY = ['bucket', 'has_agent', 'agent', 'has_model', 'model'] as const;

/**
 * The columns of a rollup row that add up, and `max_start`: what a row of every agent and model
 * (`rollup_total_hour`, `rollup_total_day`) holds after its bucket, sketch aside.
 */
export const ROLLUP_SUMS = [
  'calls',
  'generations',
  'errors',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'latency_count',
  'latency_sum',
  'max_start',
] as const satisfies readonly (keyof RollupTotalTable)[];

/**
 * A rollup row's key and totals: every column but the sketch `bins`, which readers fetch only
 * when they need latency percentiles.
 *
 * @example
 * db.selectFrom('rollup_hour').select(ROLLUP_TOTAL_COLUMNS);
 */
export const ROLLUP_TOTAL_COLUMNS = [
  ...ROLLUP_KEY,
  ...ROLLUP_SUMS,
] as const satisfies readonly (keyof RollupTable)[];
