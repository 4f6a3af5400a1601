/**
 * Percentiles are **nearest-rank**: the p-th percentile of n values is the value at 1-based rank
 * `max(1, ceil(p * n / 100))` of the values sorted ascending. It is always one of the values, so
 * the median of [1, 2, 3, 4] is 2 (the lower middle).
 *
 * A store that cannot keep every value (SQL rollups per agent and hour) may answer from the
 * mergeable log-bucket sketch below: each value lands in a bucket whose representative is within
 * {@link PERCENTILE_RELATIVE_ERROR} of it, so the sketch's nearest-rank answer is within that
 * relative error of the exact one. Bucket counts of different hours simply add up.
 */

/** Relative error bound of sketch percentiles: 1%. */
export const PERCENTILE_RELATIVE_ERROR = 0.01;

/**
 * Absolute slack (ms) a percentile may differ by on top of the relative bound, so a store may
 * round latencies to whole milliseconds.
 */
export const PERCENTILE_ABSOLUTE_SLACK_MS = 0.5;

const GAMMA = (1 + PERCENTILE_RELATIVE_ERROR) / (1 - PERCENTILE_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
/** Shifts indices so every value from about 1e-9 up has an index ≥ 1 (0 is kept for zero). */
const INDEX_OFFSET = 1100;

/**
 * The nearest-rank percentile of values already sorted ascending; null when there are none.
 *
 * @param p percent, 0–100
 * @example
 * nearestRank([10, 20, 30, 40], 50); // 20
 * nearestRank([10, 20, 30, 40], 95); // 40
 */
export function nearestRank(sortedValues: readonly number[], p: number): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  const rank = rankOf(n, p);
  return sortedValues[rank - 1] ?? null;
}

/**
 * The nearest-rank percentile of unsorted values; null when there are none.
 *
 * @example
 * percentile([300, 100, 200], 50); // 200
 */
export function percentile(values: readonly number[], p: number): number | null {
  return nearestRank(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/**
 * The sketch bucket a value falls in: 0 for values ≤ 0, else an integer ≥ 1 growing with the
 * value. Stores persist `(bucket index, count)` pairs.
 *
 * @example
 * latencyBucketIndex(0); // 0
 * latencyBucketValue(latencyBucketIndex(1234)); // within 1% of 1234
 */
export function latencyBucketIndex(value: number): number {
  if (!(value > 0)) return 0;
  return Math.max(1, Math.ceil(Math.log(value) / LOG_GAMMA) + INDEX_OFFSET);
}

/** The representative value of a sketch bucket (0 for bucket 0). */
export function latencyBucketValue(index: number): number {
  if (index <= 0) return 0;
  return (2 * GAMMA ** (index - INDEX_OFFSET)) / (GAMMA + 1);
}

/**
 * The nearest-rank percentile from sketch bucket counts; null when the counts are empty.
 *
 * @param buckets bucket index → count (from {@link latencyBucketIndex}); merged sketches just add counts
 * @param p percent, 0–100
 * @param representative a bucket's representative value; default the latency sketch's (`scoreBucketValue`
 *   for the score sketch)
 * @example
 * const sketch = new Map<number, number>();
 * for (const ms of [120, 80, 3000]) sketch.set(latencyBucketIndex(ms), (sketch.get(latencyBucketIndex(ms)) ?? 0) + 1);
 * quantileFromBuckets(sketch, 50); // ≈ 120 (within 1%)
 */
export function quantileFromBuckets(
  buckets: ReadonlyMap<number, number>,
  p: number,
  representative: (index: number) => number = latencyBucketValue,
): number | null {
  const entries = [...buckets.entries()]
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = rankOf(n, p);
  let seen = 0;
  for (const [index, count] of entries) {
    seen += count;
    if (seen >= rank) return representative(index);
  }
  return null;
}

/**
 * {@link quantileFromBuckets} over a dense array of counts, `counts[i]` being the count of bucket
 * `offset + i` (counts ≤ 0 are skipped): the same answer without building and sorting a map, for
 * a store that keeps its sketches dense.
 *
 * @example
 * quantileFromCounts([0, 2, 1], 40, 50); // latencyBucketValue(41)
 */
export function quantileFromCounts(
  counts: ArrayLike<number>,
  offset: number,
  p: number,
): number | null {
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    if (count > 0) n += count;
  }
  if (n === 0) return null;
  const rank = rankOf(n, p);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    if (count <= 0) continue;
    seen += count;
    if (seen >= rank) return latencyBucketValue(offset + i);
  }
  return null;
}

/** The 1-based nearest rank of percentile `p` (0–100) among `n` values. */
function rankOf(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/**
 * Whether a store's percentile is acceptable against the exact nearest-rank value: within
 * {@link PERCENTILE_RELATIVE_ERROR} relative plus {@link PERCENTILE_ABSOLUTE_SLACK_MS}; two nulls agree.
 *
 * @example
 * withinPercentileTolerance(1010, 1000); // true
 * withinPercentileTolerance(1100, 1000); // false
 */
export function withinPercentileTolerance(actual: number | null, exact: number | null): boolean {
  if (actual === null || exact === null) return actual === exact;
  return (
    Math.abs(actual - exact) <=
    PERCENTILE_RELATIVE_ERROR * Math.abs(exact) + PERCENTILE_ABSOLUTE_SLACK_MS + 1e-9
  );
}
