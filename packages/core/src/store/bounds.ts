import { StoreError } from './errors';

/** The default and inclusive bounds of one integer query parameter. */
export interface QueryBound {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Defaults and bounds of every integer query parameter, in one place: the REST routes validate
 * with them (422) and every store checks them (`STORE_INVALID_QUERY`), so an API caller and a
 * direct store caller meet the same limits.
 *
 * @example
 * QUERY_BOUNDS.limit; // { default: 50, min: 1, max: 200 }
 */
export const QUERY_BOUNDS = Object.freeze({
  /** 1-based page of a list. */
  page: Object.freeze({ default: 1, min: 1, max: 1_000_000 }),
  /** Rows per page. */
  limit: Object.freeze({ default: 50, min: 1, max: 200 }),
  /** Recent errors listed with one agent. */
  recentErrorsLimit: Object.freeze({ default: 10, min: 1, max: 100 }),
  /** Agents in the dashboard's top list. */
  topAgentsLimit: Object.freeze({ default: 5, min: 1, max: 50 }),
  /** Sessions in a score's lowest-scoring list. */
  lowestSessionsLimit: Object.freeze({ default: 10, min: 1, max: 100 }),
} satisfies Record<string, QueryBound>);

/** The name of a bounded parameter. */
export type BoundedParam = keyof typeof QUERY_BOUNDS;

/**
 * Applies a parameter's default and checks its bounds.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a non-integer or out-of-range value
 * @example
 * checkBounded('topAgentsLimit', undefined); // 5
 * checkBounded('topAgentsLimit', 51); // throws STORE_INVALID_QUERY
 */
export function checkBounded(name: BoundedParam, value: number | undefined): number {
  const bound: QueryBound = QUERY_BOUNDS[name];
  const resolved = value ?? bound.default;
  if (!Number.isSafeInteger(resolved) || resolved < bound.min || resolved > bound.max) {
    throw new StoreError(
      'STORE_INVALID_QUERY',
      `${name} must be an integer from ${bound.min} to ${bound.max}`,
    );
  }
  return resolved;
}
