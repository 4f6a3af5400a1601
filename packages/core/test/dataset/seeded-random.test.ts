import { seededRandom } from '@cupid-dashboard/core/dataset';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../src/testing/dataset/prng';

describe('seededRandom', () => {
  it('repeats the sequence of a seed, in [0, 1), drawn from Prng', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const prng = new Prng(42);
    expect(first.slice(0, 3)).toEqual([prng.next(), prng.next(), prng.next()]);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});
