import { describe, expect, it } from 'vitest';
import {
  BUCKET_MS,
  bucketStart,
  bucketStarts,
  inTimeRange,
  MAX_SERIES_BUCKETS,
  previousTimeRange,
  resolveTimeRange,
} from '../../src/semantics/index';

const NOW = Date.parse('2026-11-20T10:42:13.456Z');
const DAY = 86_400_000;

describe('UTC buckets', () => {
  it('floors to the UTC hour and day', () => {
    expect(bucketStart(NOW, 'hour')).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(bucketStart(NOW, 'day')).toBe(Date.parse('2026-11-20T00:00:00Z'));
    expect(bucketStart(Date.parse('1969-12-31T23:30:00Z'), 'hour')).toBe(
      Date.parse('1969-12-31T23:00:00Z'),
    );
  });

  it('lists every bucket between two times, inclusive', () => {
    expect(bucketStarts(0, 7_200_000, 'hour')).toEqual([0, 3_600_000, 7_200_000]);
    expect(bucketStarts(1, 3_599_999, 'hour')).toEqual([0]);
    expect(bucketStarts(10, 5, 'day')).toEqual([]);
  });

  it('refuses series longer than the cap', () => {
    expect(bucketStarts(0, (MAX_SERIES_BUCKETS - 1) * BUCKET_MS.hour, 'hour')).toHaveLength(
      MAX_SERIES_BUCKETS,
    );
    expect(() => bucketStarts(0, MAX_SERIES_BUCKETS * BUCKET_MS.hour, 'hour')).toThrow(RangeError);
  });
});

describe('time ranges', () => {
  it('resolves named ranges at the given now, open-ended', () => {
    expect(resolveTimeRange('24h', NOW)).toEqual({ from: NOW - DAY });
    expect(resolveTimeRange('7d', NOW)).toEqual({ from: NOW - 7 * DAY });
    expect(resolveTimeRange('30d', NOW)).toEqual({ from: NOW - 30 * DAY });
    expect(resolveTimeRange('all', NOW)).toEqual({});
  });

  it('gives the previous period of the same length', () => {
    expect(previousTimeRange('24h', NOW)).toEqual({ from: NOW - 2 * DAY, to: NOW - DAY });
    expect(previousTimeRange('30d', NOW)).toEqual({ from: NOW - 60 * DAY, to: NOW - 30 * DAY });
    expect(previousTimeRange('all', NOW)).toBeNull();
  });

  it('is half-open: from included, to excluded', () => {
    expect(inTimeRange(5, { from: 5, to: 10 })).toBe(true);
    expect(inTimeRange(10, { from: 5, to: 10 })).toBe(false);
    expect(inTimeRange(4, { from: 5 })).toBe(false);
    expect(inTimeRange(4, {})).toBe(true);
    expect(inTimeRange(4, undefined)).toBe(true);
  });
});
