import { latencyBucketIndex, quantileFromCounts } from '@cupid-dashboard/core';

/**
 * A mergeable latency sketch: counts per log bucket of core's `latencyBucketIndex`, so every
 * percentile read from it is within core's `PERCENTILE_RELATIVE_ERROR` of the exact one, and the
 * sketches of different hours, agents or models merge by adding counts.
 *
 * Counts live in a dense array over the bucket indices in use (latencies from 1 ms to 1 h span
 * about 400 buckets), so merging hundreds of rollup rows is a tight loop of additions.
 * Persisted as a BLOB of unsigned LEB128 varints, `index, count` for the first used bucket and
 * `gap, count` for each next one: an hour of one agent takes about 150 bytes, which keeps rollup
 * rows small enough to live in their B-tree page (no overflow pages to read).
 *
 * @example
 * const sketch = new LatencySketch();
 * sketch.add(120); sketch.add(80); sketch.add(3000);
 * LatencySketch.decode(sketch.encode()).quantile(50); // ≈ 120 (within 1%)
 */
export class LatencySketch {
  private counts: Float64Array | null = null;
  private offset = 0;

  /** Counts one latency (ms) `times` times; a negative `times` removes it. */
  add(latencyMs: number, times = 1): void {
    this.addIndex(latencyBucketIndex(latencyMs), times);
  }

  /** Adds `times` to one bucket. */
  addIndex(index: number, times: number): void {
    this.cover(index, index);
    const counts = this.counts as Float64Array;
    counts[index - this.offset] = (counts[index - this.offset] as number) + times;
  }

  /** Adds another sketch's counts (or a persisted blob's), times `sign`. */
  merge(other: LatencySketch | Uint8Array | null | undefined, sign = 1): void {
    if (other === null || other === undefined) return;
    if (other instanceof LatencySketch) {
      if (other.counts === null) return;
      this.cover(other.offset, other.offset + other.counts.length - 1);
      const counts = this.counts as Float64Array;
      const shift = other.offset - this.offset;
      for (let i = 0; i < other.counts.length; i++) {
        counts[shift + i] = (counts[shift + i] as number) + sign * (other.counts[i] as number);
      }
      return;
    }
    this.mergeBlob(other, sign);
  }

  /**
   * Adds a persisted blob's counts. The first pass finds the blob's highest index, so the dense
   * array grows at most once per blob rather than once per bucket beyond its end.
   * Inline varint decoding: these loops run for every bucket of every rollup row a query reads.
   * Values stay far below 2^31 (bucket indices < 5,000, counts per row), so bit operations hold.
   */
  private mergeBlob(bytes: Uint8Array, sign: number): void {
    if (bytes.length === 0) return;
    let position = 0;
    let low = -1;
    let high = 0;
    while (position < bytes.length) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[position++] as number;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      while ((bytes[position++] as number) & 0x80);
      high = low === -1 ? gap : high + gap;
      if (low === -1) low = gap;
    }
    this.cover(low, high);
    const counts = this.counts as Float64Array;
    const offset = this.offset;
    position = 0;
    let index = 0;
    let first = true;
    while (position < bytes.length) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[position++] as number;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      let count = 0;
      shift = 0;
      do {
        byte = bytes[position++] as number;
        count |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      index = first ? gap : index + gap;
      first = false;
      counts[index - offset] = (counts[index - offset] as number) + sign * count;
    }
  }

  /** Every used bucket as `[index, count]`, by index ascending. */
  *entries(): Generator<[number, number]> {
    const counts = this.counts ?? new Float64Array(0);
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i] as number;
      if (count !== 0) yield [this.offset + i, count];
    }
  }

  /** Total count. */
  get size(): number {
    let total = 0;
    for (const count of this.counts ?? []) total += count;
    return total;
  }

  /** The nearest-rank percentile (p in 0–100), by core's `quantileFromCounts`; null when empty. */
  quantile(p: number): number | null {
    return this.counts === null ? null : quantileFromCounts(this.counts, this.offset, p);
  }

  /** The persisted form (see the class doc); empty sketches encode to zero bytes. */
  encode(): Uint8Array {
    const counts = this.counts ?? new Float64Array(0);
    const bytes: number[] = [];
    const put = (value: number) => {
      let rest = value;
      while (rest >= 0x80) {
        bytes.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
      }
      bytes.push(rest);
    };
    let previous: number | null = null;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i] as number;
      if (count <= 0) continue;
      const index = this.offset + i;
      put(previous === null ? index : index - previous);
      put(count);
      previous = index;
    }
    return Uint8Array.from(bytes);
  }

  /** A sketch from its persisted form. */
  static decode(blob: Uint8Array | null | undefined): LatencySketch {
    const sketch = new LatencySketch();
    sketch.merge(blob);
    return sketch;
  }

  /**
   * Grows the dense array to cover indices `low..high`, with slack (32 buckets, or half the
   * current width) to grow rarely.
   */
  private cover(low: number, high: number): void {
    const counts = this.counts;
    if (counts !== null && low >= this.offset && high < this.offset + counts.length) return;
    const slack = Math.max(32, (counts?.length ?? 0) >> 1);
    const start = Math.max(0, counts === null ? low - slack : Math.min(this.offset, low - slack));
    const end =
      counts === null ? high + slack : Math.max(this.offset + counts.length - 1, high + slack);
    const grown = new Float64Array(end - start + 1);
    if (counts !== null) grown.set(counts, this.offset - start);
    this.counts = grown;
    this.offset = start;
  }
}
