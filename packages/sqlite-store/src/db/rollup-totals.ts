/** The additive totals of a rollup row (or of the change to one): counts, cost, tokens, latency sums. */
export interface RollupTotals {
  calls: number;
  generations: number;
  errors: number;
  cost: number;
  tokensInput: number;
  tokensOutput: number;
  tokensTotal: number;
  latencyCount: number;
  latencySum: number;
}
