/**
 * Splits a list into slices of at most `size` items, for `IN (...)` lists and multi-row inserts
 * that must stay under the bound-parameter limits (SQLite: 32 766; PostgreSQL: 65 535).
 *
 * @example
 * chunks([1, 2, 3], 2); // [[1, 2], [3]]
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    out.push(items.slice(start, start + size));
  }
  return out;
}
