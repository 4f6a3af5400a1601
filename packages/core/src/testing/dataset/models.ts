/** Price of one model in USD per million tokens, by usage key. */
export interface ModelPrice {
  input: number;
  /** Price of input tokens served from the provider's prompt cache. */
  input_cached_tokens: number;
  output: number;
}

/**
 * The models Cupid's generations use and their list prices (USD per 1M tokens), so costs in a
 * generated dataset can be checked by hand.
 */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'gpt-4o-mini': { input: 0.15, input_cached_tokens: 0.075, output: 0.6 },
  'gpt-4o': { input: 2.5, input_cached_tokens: 1.25, output: 10 },
  'claude-3-5-sonnet-20241022': { input: 3, input_cached_tokens: 0.3, output: 15 },
});

// Rounded to 1e-12 USD so values print as clean decimals, as Langfuse returns them.
function toPicoUsd(usd: number): number {
  return Math.round(usd * 1e12) / 1e12;
}

/**
 * The cost of one generation per usage key, plus `total`, in USD. Keys without a price (e.g.
 * `total`) are skipped.
 *
 * @example
 * costOf('gpt-4o-mini', { input: 1000, output: 100, total: 1100 });
 * // { input: 0.00015, output: 0.00006, total: 0.00021 }
 */
export function costOf(model: string, usage: Record<string, number>): Record<string, number> {
  const price = MODEL_PRICES[model];
  if (!price) throw new RangeError(`No price for model "${model}"`);
  const cost: Record<string, number> = {};
  let total = 0;
  for (const key of ['input', 'input_cached_tokens', 'output'] as const) {
    const tokens = usage[key];
    if (tokens === undefined) continue;
    const usd = toPicoUsd((tokens * price[key]) / 1_000_000);
    cost[key] = usd;
    total += usd;
  }
  cost.total = toPicoUsd(total);
  return cost;
}
