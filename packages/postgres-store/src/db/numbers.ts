import type { Num } from './schema';

/**
 * A number from a column node-postgres may hand back as a string (`bigint`, `numeric`, counts and
 * sums of them). Converting here keeps the store independent of the pool's type parsers, which
 * belong to whoever owns the pool.
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
