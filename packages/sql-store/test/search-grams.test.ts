import { describe, expect, it } from 'vitest';
import { shortSearchGrams } from '../src/index';

/** Whether some text holds the needle, as a substring search reads it. */
function holds(texts: readonly string[], needle: string): boolean {
  return texts.some((text) => text.includes(needle));
}

describe('shortSearchGrams', () => {
  it('lists each character and adjacent pair once, sorted, never across a text or a line break', () => {
    expect(shortSearchGrams(['abca', 'x\ny'])).toEqual(['a', 'ab', 'b', 'bc', 'c', 'ca', 'x', 'y']);
  });

  it('counts by code point: a character outside the BMP is one character', () => {
    expect(shortSearchGrams(['a😀'])).toEqual(['a', 'a😀', '😀']);
  });

  it('holds a needle of one or two characters exactly when a text does', () => {
    const texts = ['love is patient', 'cupid-42\nalice', 'é😀!'];
    const grams = new Set(shortSearchGrams(texts));
    const needles = ['l', 'lo', 'ov', 'zq', 'e ', ' i', '2a', '-4', 'é😀', '😀!', '!', 'q', '42'];
    for (const needle of needles) expect(grams.has(needle)).toBe(holds(texts, needle));
    // '2\na' spans a line break: 'a' after '2' is never a pair.
    expect(grams.has('2a')).toBe(false);
  });
});
