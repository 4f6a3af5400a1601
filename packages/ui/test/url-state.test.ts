import { describe, expect, it } from 'vitest';
import { apiUrl } from '../app/src/api/client';
import { periodLinkParams, periodOf } from '../app/src/lib/period';
import { href, parseHash } from '../app/src/lib/router';

describe('the URL state of the page', () => {
  it('parses a hash into decoded segments and parameters', () => {
    const route = parseHash('#/sessions/a%2Fb%20c?status=error&range=24h');
    expect(route.segments).toEqual(['sessions', 'a/b c']);
    expect(route.params.get('status')).toBe('error');
    expect(parseHash('').segments).toEqual([]);
    expect(parseHash('#/').segments).toEqual([]);
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(parseHash('#/sessions/%E0%A4%A').segments).toEqual(['sessions', '%E0%A4%A']);
  });

  it('builds links without empty parameters, and they parse back', () => {
    const link = href('agents/x', { range: '30d', from: undefined, to: '' });
    expect(link).toBe('#/agents/x?range=30d');
    expect(parseHash(link).params.get('range')).toBe('30d');
  });

  it('turns the URL period into API parameters: a custom from–to wins over the range', () => {
    expect(periodOf(new URLSearchParams('range=24h'))).toEqual({ time_range: '24h' });
    expect(periodOf(new URLSearchParams(''))).toEqual({ time_range: '7d' });
    expect(periodOf(new URLSearchParams('range=24h&from=2026-11-01'))).toEqual({
      from: '2026-11-01',
      to: undefined,
    });
    expect(periodLinkParams(new URLSearchParams('range=all&status=error'))).toEqual({
      range: 'all',
      from: undefined,
      to: undefined,
    });
  });
});

describe('API URLs', () => {
  it('are relative to the page, so they land under any mount prefix', () => {
    expect(
      apiUrl('api/sessions', { page: 2, search: 'a b&c', user_id: '', status: undefined }),
    ).toBe('api/sessions?page=2&search=a+b%26c');
    expect(apiUrl('api/sync/status')).toBe('api/sync/status');
  });
});
