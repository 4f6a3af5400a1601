/**
 * Binary-search helpers over arrays sorted newest first, so a page or a time range costs
 * O(log N) instead of a scan.
 */

/** The first index whose element satisfies `isAfter` (a predicate that is monotone over the array). */
export function firstIndexWhere<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAfter(items[mid] as T)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The index range `[start, end)` of a newest-first array whose time lies in `[from, to)`.
 *
 * @example
 * timeRange([5, 4, 3, 1], (t) => t, 2, 5); // { start: 1, end: 3 } — the elements 4 and 3
 */
export function timeRange<T>(
  items: readonly T[],
  timeOf: (item: T) => number,
  from: number | undefined,
  to: number | undefined,
): { start: number; end: number } {
  const start = to === undefined ? 0 : firstIndexWhere(items, (item) => timeOf(item) < to);
  const end =
    from === undefined ? items.length : firstIndexWhere(items, (item) => timeOf(item) < from);
  return { start, end: Math.max(start, end) };
}
