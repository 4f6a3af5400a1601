import { latencyBucketIndex, quantileFromBuckets } from '@cupid-dashboard/core';

/**
 * A mergeable latency sketch: counts per log bucket of core's `latencyBucketIndex`, so every
 * percentile read from it is within core's `PERCENTILE_RELATIVE_ERROR` of the exact one, and the
 * sketches of different hours, agents or models merge by adding counts.
 *
 * Persisted as a BLOB of little-endian int32: `[firstIndex, count(firstIndex), count(firstIndex+1), ...]`,
 * a dense run from the lowest to the highest bucket used (typically under 300 entries).
 *
 * @example
 * const sketch = new LatencySketch();
 * sketch.add(120); sketch.add(80); sketch.add(3000);
 * LatencySketch.decode(sketch.encode()).quantile(50); // ≈ 120 (within 1%)
 */
export class LatencySketch {
  private readonly counts = new Map<number, number>();

  /** Counts one latency (ms) `times` times; a negative `times` removes it. */
  add(latencyMs: number, times = 1): void {
    this.addIndex(latencyBucketIndex(latencyMs), times);
  }

  /** Adds `times` to one bucket. */
  addIndex(index: number, times: number): void {
    const next = (this.counts.get(index) ?? 0) + times;
    if (next === 0) this.counts.delete(index);
    else this.counts.set(index, next);
  }

  /** Adds another sketch's counts (or a persisted blob's). */
  merge(other: LatencySketch | Uint8Array | null | undefined, sign = 1): void {
    if (other === null || other === undefined) return;
    if (other instanceof LatencySketch) {
      for (const [index, count] of other.counts) this.addIndex(index, sign * count);
      return;
    }
    if (other.byteLength < 8) return;
    const view = new DataView(other.buffer, other.byteOffset, other.byteLength);
    const first = view.getInt32(0, true);
    for (let offset = 4, index = first; offset < other.byteLength; offset += 4, index++) {
      const count = view.getInt32(offset, true);
      if (count !== 0) this.addIndex(index, sign * count);
    }
  }

  /** Total count. */
  get size(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The nearest-rank percentile (p in 0–100) of the counted values; null when empty. */
  quantile(p: number): number | null {
    return quantileFromBuckets(this.counts, p);
  }

  /** The persisted form (see the class doc); empty sketches encode to zero bytes. */
  encode(): Uint8Array {
    if (this.counts.size === 0) return new Uint8Array(0);
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const index of this.counts.keys()) {
      if (index < low) low = index;
      if (index > high) high = index;
    }
    const bytes = new Uint8Array(4 * (high - low + 2));
    const view = new DataView(bytes.buffer);
    view.setInt32(0, low, true);
    for (const [index, count] of this.counts) view.setInt32(4 * (index - low + 1), count, true);
    return bytes;
  }

  /** A sketch from its persisted form. */
  static decode(blob: Uint8Array | null | undefined): LatencySketch {
    const sketch = new LatencySketch();
    sketch.merge(blob);
    return sketch;
  }
}
