import type { TokenCounts } from '../store/common';

/** No tokens. */
export const ZERO_TOKENS: Readonly<TokenCounts> = Object.freeze({ input: 0, output: 0, total: 0 });

/**
 * Counts free-form usage keys the way Langfuse's dashboard does: `input` sums every key whose
 * lowercase name contains "input" (`input`, `input_cached_tokens`, ...), `output` every key
 * containing "output", and `total` is the `total` key when it is a finite number, else
 * input + output. Non-finite values are ignored.
 *
 * @example
 * tokenCounts({ input: 100, input_cached_tokens: 20, output: 30 }); // { input: 120, output: 30, total: 150 }
 * tokenCounts({ input: 10, output: 5, total: 12 }); // { input: 10, output: 5, total: 12 }
 */
export function tokenCounts(usageDetails: Readonly<Record<string, number>>): TokenCounts {
  let input = 0;
  let output = 0;
  let total: number | null = null;
  for (const [key, value] of Object.entries(usageDetails)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const name = key.toLowerCase();
    if (name.includes('input')) input += value;
    if (name.includes('output')) output += value;
    if (key === 'total') total = value;
  }
  return { input, output, total: total ?? input + output };
}

/**
 * Adds token counts field by field.
 *
 * @example
 * addTokens({ input: 1, output: 2, total: 3 }, { input: 4, output: 5, total: 9 }); // { input: 5, output: 7, total: 12 }
 */
export function addTokens(a: Readonly<TokenCounts>, b: Readonly<TokenCounts>): TokenCounts {
  return { input: a.input + b.input, output: a.output + b.output, total: a.total + b.total };
}
