/**
 * The wait before retry number `retry` (0 for the first retry), with "full jitter": a random time
 * in `[0, min(maxMs, baseMs × 2^retry))`. Full jitter spreads simultaneous clients apart better
 * than a fixed exponential schedule.
 *
 * @example
 * backoffDelayMs(2, { baseMs: 500, maxMs: 30000, random: () => 0.5 }); // 1000
 */
export function backoffDelayMs(
  retry: number,
  options: { baseMs: number; maxMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** retry);
  const r = Math.min(Math.max(options.random(), 0), 1);
  return Math.floor(ceiling * r);
}
