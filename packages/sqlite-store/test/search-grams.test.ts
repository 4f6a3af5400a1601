import { describe, expect, it } from 'vitest';
import { codeOf, PAIR_BITS, pairBit, pairBitTest, searchGrams } from '../src/db/search-grams';

/** Whether a bitmap has the bit of a pair, the way SQL tests it. */
function hasPair(pairs: Uint8Array, a: string, b: string): boolean {
  const { position, mask } = pairBitTest(pairBit(codeOf(a), codeOf(b)));
  return mask.includes(pairs[position - 1] as number);
}

describe('searchGrams', () => {
  it('keeps every distinct code point once and the pairs within a line', () => {
    const grams = searchGrams(['s-1', 'ab\nc💘a']);
    expect([...grams.chars].sort()).toEqual(['\n', '-', '1', 'a', 'b', 'c', 's', '💘'].sort());
    expect(grams.pairs.length).toBe(PAIR_BITS / 8);
    for (const [a, b] of [
      ['s', '-'],
      ['-', '1'],
      ['a', 'b'],
      ['c', '💘'],
      ['💘', 'a'],
    ]) {
      expect(hasPair(grams.pairs, a as string, b as string)).toBe(true);
    }
  });

  it('sets no bit for a pair across a line break or two texts, nor for an empty text', () => {
    const across = searchGrams(['ab', 'c\nd']);
    const bits = (pairs: Uint8Array) => pairs.reduce((n, byte) => n + popcount(byte), 0);
    expect(bits(across.pairs)).toBe(1);
    expect(hasPair(across.pairs, 'b', 'c')).toBe(false);
    expect(hasPair(across.pairs, 'c', 'd')).toBe(false);
    expect(bits(searchGrams(['']).pairs)).toBe(0);
  });

  it('counts a lone surrogate as U+FFFD, as SQLite stores it', () => {
    expect(searchGrams(['\ud800x']).chars).toBe('\ufffdx');
    expect(codeOf('\udc00')).toBe(0xfffd);
  });
});

describe('pairBitTest', () => {
  it('names the byte holding the bit and exactly the byte values that have it set', () => {
    for (const bit of [0, 7, 8, 4095]) {
      const { position, mask } = pairBitTest(bit);
      expect(position).toBe(Math.floor(bit / 8) + 1);
      expect(mask.length).toBe(128);
      for (let value = 0; value < 256; value++) {
        expect(mask.includes(value)).toBe((value & (1 << (bit % 8))) !== 0);
      }
    }
  });
});

function popcount(byte: number): number {
  let n = 0;
  for (let rest = byte; rest > 0; rest >>= 1) n += rest & 1;
  return n;
}
