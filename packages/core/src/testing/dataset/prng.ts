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

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

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

  /** `bytes` random bytes as lowercase hex (2 characters each). */
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 4) {
      const n = this.uint32();
      out += HEX[n & 0xff] as string;
      if (i + 1 < bytes) out += HEX[(n >>> 8) & 0xff] as string;
      if (i + 2 < bytes) out += HEX[(n >>> 16) & 0xff] as string;
      if (i + 3 < bytes) out += HEX[n >>> 24] as string;
    }
    return out;
  }

  /** A random id in UUID v4 layout, e.g. `3f2b9c1e-7a4d-4e0b-9c3a-1d2e3f4a5b6c`. */
  uuid(): string {
    const h = this.hex(16);
    const variant = HEX[0x80 | (Number.parseInt(h.slice(16, 18), 16) & 0x3f)] as string;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20)}`;
  }
}
