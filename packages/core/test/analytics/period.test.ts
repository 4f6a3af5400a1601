import { AnalyticsError, compareKpi, resolvePeriod } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

describe('resolvePeriod', () => {
  it('defaults to all time with no previous period', () => {
    expect(resolvePeriod({}, NOW)).toEqual({ timeRange: 'all', range: {}, previous: null });
  });

  it('ends a named range now, open above, with the same length before it', () => {
    expect(resolvePeriod({ timeRange: '7d' }, NOW)).toEqual({
      timeRange: '7d',
      range: { from: NOW - 7 * DAY },
      previous: { from: NOW - 14 * DAY, to: NOW - 7 * DAY },
    });
  });

  it('lets from/to win over time_range and mirrors the custom period', () => {
    const from = Date.parse('2026-11-01T00:00:00Z');
    const to = Date.parse('2026-11-04T00:00:00Z');
    expect(resolvePeriod({ timeRange: '24h', from, to }, NOW)).toEqual({
      timeRange: 'custom',
      range: { from, to },
      previous: { from: from - 3 * DAY, to: from },
    });
  });

  it('ends a from-only period now and gives a to-only period no previous one', () => {
    expect(resolvePeriod({ from: NOW - DAY }, NOW).previous).toEqual({
      from: NOW - 2 * DAY,
      to: NOW - DAY,
    });
    expect(resolvePeriod({ to: NOW }, NOW)).toEqual({
      timeRange: 'custom',
      range: { to: NOW },
      previous: null,
    });
  });

  it('refuses to at or before from, naming to', () => {
    const error = (() => {
      try {
        resolvePeriod({ from: NOW, to: NOW }, NOW);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AnalyticsError);
    expect(error).toMatchObject({ code: 'ANALYTICS_INVALID_QUERY', field: 'to' });
  });
});

describe('compareKpi', () => {
  it('gives the delta and the change in percent of the previous value', () => {
    expect(compareKpi(150, 100)).toEqual({ value: 150, previous: 100, delta: 50, delta_pct: 50 });
    expect(compareKpi(5, 20)).toEqual({ value: 5, previous: 20, delta: -15, delta_pct: -75 });
  });

  it('has no percentage from zero and no delta without both values', () => {
    expect(compareKpi(3, 0)).toEqual({ value: 3, previous: 0, delta: 3, delta_pct: null });
    expect(compareKpi(3, null)).toEqual({ value: 3, previous: null, delta: null, delta_pct: null });
    expect(compareKpi(null, 2)).toEqual({ value: null, previous: 2, delta: null, delta_pct: null });
  });
});
