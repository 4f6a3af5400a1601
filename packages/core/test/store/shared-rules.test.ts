import { describe, expect, it } from 'vitest';
import { checkLeaseArgs, isStoreError, seriesBucketStarts, timeBounds } from '../../src/index';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isStoreError(error) ? error.code : 'not a StoreError';
  }
}

describe('seriesBucketStarts', () => {
  it('runs from the bucket of range.from to the bucket of range.to - 1', () => {
    expect(seriesBucketStarts({ from: 0, to: 7_200_000 }, null, null, 'hour')).toEqual([
      0, 3_600_000,
    ]);
  });

  it('takes an open bound from the data, and gives nothing without data', () => {
    expect(seriesBucketStarts(undefined, 1_000, 3_700_000, 'hour')).toEqual([0, 3_600_000]);
    expect(seriesBucketStarts({ from: 0 }, 1_000, 3_700_000, 'hour')).toEqual([0, 3_600_000]);
    expect(seriesBucketStarts({ to: 10 }, null, null, 'hour')).toEqual([]);
  });

  it('rejects a series with too many buckets as an invalid query', () => {
    const years = 5 * 365 * 86_400_000;
    expect(codeOf(() => seriesBucketStarts({ from: 0, to: years }, null, null, 'hour'))).toBe(
      'STORE_INVALID_QUERY',
    );
  });
});

describe('timeBounds', () => {
  it('finds the earliest and latest time, null for none', () => {
    expect(timeBounds([5, 1, 9])).toEqual({ earliest: 1, latest: 9 });
    expect(timeBounds([])).toEqual({ earliest: null, latest: null });
  });
});

describe('checkLeaseArgs', () => {
  it('accepts an owner, a positive ttl and a finite now', () => {
    expect(codeOf(() => checkLeaseArgs('a', 1, 0))).toBeNull();
  });

  it('rejects an empty owner, a bad ttl or a bad now with STORE_INVALID_QUERY', () => {
    expect(codeOf(() => checkLeaseArgs('', 1, 0))).toBe('STORE_INVALID_QUERY');
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(() => checkLeaseArgs('a', ttl, 0))).toBe('STORE_INVALID_QUERY');
    }
    expect(codeOf(() => checkLeaseArgs('a', 1, Number.NaN))).toBe('STORE_INVALID_QUERY');
  });
});
