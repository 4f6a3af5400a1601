import { describe, expect, it } from 'vitest';
import { costOf } from '../../src/testing/dataset/index';
import { mixSeed, Prng } from '../../src/testing/dataset/prng';

describe('costOf', () => {
  it('prices each usage key per million tokens', () => {
    // gpt-4o: 2.50 $/M input, 1.25 $/M cached input, 10 $/M output.
    expect(
      costOf('gpt-4o', { input: 1_000, input_cached_tokens: 2_000, output: 500, total: 3_500 }),
    ).toEqual({ input: 0.0025, input_cached_tokens: 0.0025, output: 0.005, total: 0.01 });
    expect(costOf('gpt-4o-mini', { input: 1_000, output: 100, total: 1_100 })).toEqual({
      input: 0.00015,
      output: 0.00006,
      total: 0.00021,
    });
  });

  it('refuses unknown models', () => {
    expect(() => costOf('gpt-9', { input: 1 })).toThrow(RangeError);
  });
});

describe('Prng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const draws = Array.from({ length: 1_000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1_000 }, () => b.int(1, 6))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(new Prng(43).uint32()).not.toBe(new Prng(42).uint32());
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    expect(new Prng(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
