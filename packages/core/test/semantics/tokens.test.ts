import { describe, expect, it } from 'vitest';
import { addTokens, tokenCounts, ZERO_TOKENS } from '../../src/semantics/index';

describe('tokenCounts', () => {
  it('sums every key containing input or output, as Langfuse does', () => {
    expect(tokenCounts({ input: 100, input_cached_tokens: 20, output: 30 })).toEqual({
      input: 120,
      output: 30,
      total: 150,
    });
    expect(tokenCounts({ input_audio: 5, output_reasoning: 7, output: 1 })).toEqual({
      input: 5,
      output: 8,
      total: 13,
    });
  });

  it('takes the total key when present, even when it disagrees with the parts', () => {
    expect(tokenCounts({ input: 10, output: 5, total: 12 })).toEqual({
      input: 10,
      output: 5,
      total: 12,
    });
    expect(tokenCounts({ total: 9 })).toEqual({ input: 0, output: 0, total: 9 });
  });

  it('matches keys case-insensitively and ignores non-finite values', () => {
    expect(
      tokenCounts({ Input: 3, OUTPUT: 4, input_x: Number.NaN, output_y: Number.POSITIVE_INFINITY }),
    ).toEqual({
      input: 3,
      output: 4,
      total: 7,
    });
  });

  it('gives zeros for no usage', () => {
    expect(tokenCounts({})).toEqual(ZERO_TOKENS);
  });

  it('adds counts field by field', () => {
    expect(addTokens({ input: 1, output: 2, total: 3 }, { input: 4, output: 5, total: 9 })).toEqual(
      { input: 5, output: 7, total: 12 },
    );
  });
});
