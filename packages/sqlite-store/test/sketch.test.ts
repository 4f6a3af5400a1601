import { nearestRank, withinPercentileTolerance } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { LatencySketch } from '../src/index';

describe('LatencySketch', () => {
  const latencies = Array.from({ length: 2000 }, (_, i) => Math.round(50 + ((i * 7919) % 30_000)));
  const exact = [...latencies].sort((a, b) => a - b);

  it('answers percentiles within the contract tolerance, also after a blob round trip', () => {
    const sketch = new LatencySketch();
    for (const latency of latencies) sketch.add(latency);
    const restored = LatencySketch.decode(sketch.encode());
    expect(restored.size).toBe(2000);
    for (const p of [1, 50, 95, 99, 100]) {
      expect(withinPercentileTolerance(restored.quantile(p), nearestRank(exact, p))).toBe(true);
    }
  });

  it('merges halves into the whole and removes what was added', () => {
    const low = new LatencySketch();
    const high = new LatencySketch();
    for (const [i, latency] of latencies.entries()) (i % 2 === 0 ? low : high).add(latency);
    const merged = new LatencySketch();
    merged.merge(low.encode());
    merged.merge(high);
    const whole = new LatencySketch();
    for (const latency of latencies) whole.add(latency);
    expect(merged.encode()).toEqual(whole.encode());
    merged.merge(high, -1);
    expect(merged.encode()).toEqual(low.encode());
  });

  it('counts zero latencies and answers null when empty', () => {
    const sketch = new LatencySketch();
    expect(sketch.quantile(50)).toBeNull();
    expect(sketch.encode()).toHaveLength(0);
    sketch.add(0);
    sketch.add(0);
    sketch.add(10);
    expect(sketch.quantile(50)).toBe(0);
    expect(sketch.quantile(100)).toBeCloseTo(10, -1);
  });
});
