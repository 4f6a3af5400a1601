import { describe, expect, it } from 'vitest';
import { checkInteger, checkOneOf, checkPage, checkRange, isDashboardError } from '../../src/index';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isDashboardError(error) ? error.code : 'not a dashboard error';
  }
}

describe('query checks', () => {
  it('passes finite or missing range bounds through and rejects NaN and infinities', () => {
    const range = { from: 0, to: 3_600_000 };
    expect(checkRange(range)).toBe(range);
    expect(checkRange(undefined)).toBeUndefined();
    expect(checkRange({ to: 5 })).toEqual({ to: 5 });
    expect(codeOf(() => checkRange({ from: Number.NaN }))).toBe('STORE_INVALID_QUERY');
    expect(codeOf(() => checkRange({ to: Infinity }))).toBe('STORE_INVALID_QUERY');
  });

  it('applies page defaults (page 1, limit 50) and rejects out-of-range pages', () => {
    expect(checkPage({})).toEqual({ page: 1, limit: 50, offset: 0 });
    expect(checkPage({ page: 3, limit: 20 })).toEqual({ page: 3, limit: 20, offset: 40 });
    expect(codeOf(() => checkPage({ page: 0 }))).toBe('STORE_INVALID_QUERY');
    expect(codeOf(() => checkPage({ limit: 201 }))).toBe('STORE_INVALID_QUERY');
    expect(codeOf(() => checkPage({ limit: 2.5 }))).toBe('STORE_INVALID_QUERY');
  });

  it('checks integers within inclusive bounds, applying the fallback', () => {
    expect(checkInteger('n', undefined, 10, 1, 100)).toBe(10);
    expect(checkInteger('n', 1, 10, 1, 100)).toBe(1);
    expect(checkInteger('n', 100, 10, 1, 100)).toBe(100);
    expect(codeOf(() => checkInteger('n', 101, 10, 1, 100))).toBe('STORE_INVALID_QUERY');
    expect(codeOf(() => checkInteger('n', 1.5, 10, 1, 100))).toBe('STORE_INVALID_QUERY');
    expect(() => checkInteger('recentErrorsLimit', 0, 10, 1, 100)).toThrow(
      'recentErrorsLimit must be an integer from 1 to 100',
    );
  });

  it('checks enumerated options, applying the fallback', () => {
    const orders = ['asc', 'desc'] as const;
    expect(checkOneOf('order', undefined, orders, 'desc')).toBe('desc');
    expect(checkOneOf('order', 'asc', orders, 'desc')).toBe('asc');
    const untyped = 'up' as 'asc';
    expect(() => checkOneOf('order', untyped, orders, 'desc')).toThrow(
      'order must be one of asc, desc',
    );
  });
});
