import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latencyBucketIndex,
  latencyBucketValue,
  nearestRank,
  PERCENTILE_RELATIVE_ERROR,
  percentile,
  quantileFromBuckets,
  quantileFromCounts,
  withinPercentileTolerance,
} from '../../src/semantics/index';

describe('nearest-rank percentiles', () => {
  it('picks the value at rank ceil(p·n/100)', () => {
    expect(nearestRank([10, 20, 30, 40], 50)).toBe(20);
    expect(nearestRank([10, 20, 30, 40], 51)).toBe(30);
    expect(nearestRank([10, 20, 30, 40], 95)).toBe(40);
    expect(nearestRank([10, 20, 30, 40], 0)).toBe(10);
    expect(nearestRank([10, 20, 30, 40], 100)).toBe(40);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('sorts unsorted input', () => {
    expect(percentile([300, 100, 200], 50)).toBe(200);
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
  });
});

describe('log-bucket sketch', () => {
  it('keeps zero apart and represents every positive value within 1%', () => {
    expect(latencyBucketIndex(0)).toBe(0);
    expect(latencyBucketIndex(-5)).toBe(0);
    expect(latencyBucketValue(0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (value) => {
        const estimate = latencyBucketValue(latencyBucketIndex(value));
        expect(Math.abs(estimate - value)).toBeLessThanOrEqual(
          PERCENTILE_RELATIVE_ERROR * value * (1 + 1e-9),
        );
      }),
    );
  });

  it('answers percentiles within the bound of the exact nearest rank, also after merging', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 300 }),
        fc.constantFrom(50, 90, 95, 99),
        (first, second, p) => {
          const sketch = new Map<number, number>();
          for (const value of [...first, ...second]) {
            const index = latencyBucketIndex(value);
            sketch.set(index, (sketch.get(index) ?? 0) + 1);
          }
          const exact = percentile([...first, ...second], p);
          expect(withinPercentileTolerance(quantileFromBuckets(sketch, p), exact)).toBe(true);
        },
      ),
    );
  });

  it('is null for an empty sketch', () => {
    expect(quantileFromBuckets(new Map(), 50)).toBeNull();
    expect(quantileFromBuckets(new Map([[5, 0]]), 50)).toBeNull();
    expect(quantileFromCounts([], 0, 50)).toBeNull();
    expect(quantileFromCounts([0, -1], 3, 50)).toBeNull();
  });

  it('answers over dense counts exactly as over a map of the same buckets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (counts, offset, p) => {
          const buckets = new Map(counts.map((count, i) => [offset + i, count]));
          expect(quantileFromCounts(counts, offset, p)).toBe(quantileFromBuckets(buckets, p));
        },
      ),
    );
  });
});

describe('withinPercentileTolerance', () => {
  it('accepts 1% plus half a millisecond, and two nulls', () => {
    expect(withinPercentileTolerance(1010, 1000)).toBe(true);
    expect(withinPercentileTolerance(1010.6, 1000)).toBe(false);
    expect(withinPercentileTolerance(3.4, 3)).toBe(true);
    expect(withinPercentileTolerance(null, null)).toBe(true);
    expect(withinPercentileTolerance(0, null)).toBe(false);
  });
});
