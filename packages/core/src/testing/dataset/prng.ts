/**
 * A small seeded pseudo-random generator (sfc32), so generated datasets never depend on
 * `Math.random` and the same seed always gives the same numbers on every platform.
 */

/** Mixes any number of integers into one 32-bit seed (murmur3-style finalizer). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split the part so seeds above 2^32 (or negative) still change the result.
    const low = part | 0;
    const high = Math.floor(part / 0x100000000) | 0;
    h = Math.imul(h ^ low, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ high, 0x27d4eb2f);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

// Character codes of '0'–'9' and 'a'–'f'.
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
// One scratch buffer for building ids; String.fromCharCode over it yields one flat string,
// where concatenation would keep a tree of fragments alive per id (hundreds of bytes each).
const CHARS = new Uint8Array(36);

function flatString(length: number): string {
  return String.fromCharCode.apply(null, CHARS.subarray(0, length) as unknown as number[]);
}

/**
 * A seeded random source. Every method draws from the same sequence, so the order of calls is
 * part of the output: add new draws at the end of a step, never in the middle, to keep datasets
 * stable across versions.
 *
 * @example
 * const random = new Prng(42);
 * random.int(1, 6); // a die roll, the same for seed 42 every time
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any finite number; equal seeds give equal sequences. */
  constructor(seed: number) {
    this.a = mixSeed(seed, 1);
    this.b = mixSeed(seed, 2);
    this.c = mixSeed(seed, 3);
    this.d = mixSeed(seed, 4);
    // sfc32 needs a few rounds before its output looks uniform.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform integer in `[0, 2^32)`. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in `[0, 1)`. */
  next(): number {
    return this.uint32() / 0x100000000;
  }

  /** A uniform integer in `[min, max]` (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A uniform number in `[min, max)`. */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One element of a non-empty list, with the given relative weights (same length). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal draw with the given median and spread (`sigma` of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** `bytes` random bytes (at most 18) as lowercase hex, 2 characters each. */
  hex(bytes: number): string {
    this.fillHex(0, bytes * 2);
    return flatString(bytes * 2);
  }

  /** A random id in UUID v4 layout, e.g. `3f2b9c1e-7a4d-4e0b-9c3a-1d2e3f4a5b6c`. */
  uuid(): string {
    this.fillHex(0, 36);
    CHARS[8] = CHARS[13] = CHARS[18] = CHARS[23] = 45; // '-'
    CHARS[14] = HEX_CODES[4] as number; // version 4
    CHARS[19] = HEX_CODES[8 + (this.uint32() & 3)] as number; // variant 10xx
    return flatString(36);
  }

  private fillHex(from: number, to: number): void {
    let bits = 0;
    let left = 0;
    for (let i = from; i < to; i++) {
      if (left === 0) {
        bits = this.uint32();
        left = 8;
      }
      CHARS[i] = HEX_CODES[bits & 15] as number;
      bits >>>= 4;
      left--;
    }
  }
}

/**
 * A seeded source of uniform numbers in `[0, 1)`, for code that needs reproducible randomness
 * (a shuffled delivery order, a fault that fires with some probability) without `Math.random`.
 * The same seed gives the same sequence on every platform; it draws from {@link Prng}.
 *
 * @param seed any finite number; equal seeds give equal sequences.
 * @example
 * const next = seededRandom(7);
 * next(); // a number in [0, 1), always the same for seed 7
 */
export function seededRandom(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}
