/**
 * What lets a search of one or two characters (which the trigram index cannot answer) skip most
 * sessions: each session keeps the distinct characters of its search text, exactly, and a
 * Bloom-style bitmap of its adjacent character pairs. One character is then answered by the
 * characters alone; two characters need both characters and the pair's bit, and only the
 * sessions that pass are checked against their text.
 *
 * Characters are code points, as SQLite's `instr` counts them. A session's text of about 500
 * distinct pairs sets about a tenth of the bitmap's bits, so about one session in ten that lacks
 * a pair is read to find out.
 */

/** Bits of a session's pair bitmap (512 bytes per session). */
export const PAIR_BITS = 4096;

/** A session's grams as stored in `session_grams`. */
export interface SearchGrams {
  /** Every distinct code point of the text, concatenated in first-seen order. */
  chars: string;
  /** The pair bitmap, `PAIR_BITS / 8` bytes; bit `pairBit(a, b)` is set for each pair `ab`. */
  pairs: Uint8Array;
}

/**
 * The bit of the pair of code points `a` then `b`: a multiplicative hash, so pairs of nearby
 * letters spread over the whole bitmap.
 *
 * @example
 * pairBit(0x78, 0x79); // the bit of 'xy', in [0, PAIR_BITS)
 */
export function pairBit(a: number, b: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> 0) % PAIR_BITS;
}

/**
 * The grams of some texts (a session's identity and message lines). A pair never spans two texts
 * or a line break: a query never holds one.
 *
 * @example
 * searchGrams(['ab']); // { chars: 'ab', pairs: bitmap with pairBit(0x61, 0x62) set }
 */
export function searchGrams(texts: readonly string[]): SearchGrams {
  const seen = new Set<number>();
  const pairs = new Uint8Array(PAIR_BITS / 8);
  for (const text of texts) {
    let previous = -1;
    for (const char of text) {
      const code = codeOf(char);
      seen.add(code);
      if (code === 0x0a) {
        previous = -1;
        continue;
      }
      if (previous >= 0) {
        const bit = pairBit(previous, code);
        pairs[bit >>> 3] = (pairs[bit >>> 3] as number) | (1 << (bit & 7));
      }
      previous = code;
    }
  }
  let chars = '';
  for (const code of seen) chars += String.fromCodePoint(code);
  return { chars, pairs };
}

/**
 * The code point of one character of a string as SQLite stores it: a lone surrogate is written
 * as U+FFFD, so it is counted as that.
 */
export function codeOf(char: string): number {
  const code = char.codePointAt(0) as number;
  return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
}

/**
 * How SQL tests one bit of a stored bitmap without bit functions over blobs: the 1-based byte
 * position holding the bit, and the 128 byte values that have it set, so the bit is set when
 * `instr(mask, substr(pairs, position, 1)) > 0`.
 */
export function pairBitTest(bit: number): { position: number; mask: Uint8Array } {
  const flag = 1 << (bit & 7);
  const mask = new Uint8Array(128);
  let next = 0;
  for (let value = 0; value < 256; value++) if (value & flag) mask[next++] = value;
  return { position: (bit >>> 3) + 1, mask };
}
