import { latencyBucketIndex, latencyBucketValue } from './percentiles';

/**
 * The bucket of score value 0 in the score sketch. Scores may be negative, so the sketch is the
 * latency sketch mirrored around this index: positive values sit above it, negative ones below,
 * and every index stays a small non-negative integer (a store can persist it as a varint).
 */
export const SCORE_SKETCH_ZERO = 1 << 16;

/**
 * The score sketch bucket of a numeric value: the latency sketch's log buckets (1% relative
 * error) on either side of {@link SCORE_SKETCH_ZERO}. Bucket counts of different hours add up,
 * like the latency sketch's.
 *
 * @example
 * scoreBucketIndex(0); // SCORE_SKETCH_ZERO
 * scoreBucketValue(scoreBucketIndex(-0.42)); // within 1% of -0.42
 */
export function scoreBucketIndex(value: number): number {
  if (value > 0) return SCORE_SKETCH_ZERO + latencyBucketIndex(value);
  if (value < 0) return SCORE_SKETCH_ZERO - latencyBucketIndex(-value);
  return SCORE_SKETCH_ZERO;
}

/** The representative value of a score sketch bucket (within 1% of every value in it). */
export function scoreBucketValue(index: number): number {
  if (index > SCORE_SKETCH_ZERO) return latencyBucketValue(index - SCORE_SKETCH_ZERO);
  if (index < SCORE_SKETCH_ZERO) return -latencyBucketValue(SCORE_SKETCH_ZERO - index);
  return 0;
}

/**
 * Whether a store's score percentile is acceptable against the exact nearest-rank value: within
 * 1% relative (the sketch's bound) plus 1e-9 for rounding; two nulls agree.
 *
 * @example
 * withinScoreTolerance(0.7035, 0.7); // true
 */
export function withinScoreTolerance(actual: number | null, exact: number | null): boolean {
  if (actual === null || exact === null) return actual === exact;
  return Math.abs(actual - exact) <= 0.01 * Math.abs(exact) + 1e-9;
}
