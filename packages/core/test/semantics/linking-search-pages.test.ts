import { describe, expect, it } from 'vitest';
import {
  effectiveSessionId,
  matchesSearch,
  normalizeSearchQuery,
  normalizeSearchText,
  replacesStored,
  resolvePage,
  totalPages,
} from '../../src/semantics/index';

describe('effectiveSessionId', () => {
  it("uses the observation's own session, else its trace's, else none", () => {
    expect(effectiveSessionId({ sessionId: 'own' }, { sessionId: 'trace' })).toBe('own');
    expect(effectiveSessionId({ sessionId: null }, { sessionId: 'trace' })).toBe('trace');
    expect(effectiveSessionId({ sessionId: null }, undefined)).toBeNull();
    expect(effectiveSessionId({ sessionId: null }, { sessionId: null })).toBeNull();
  });
});

describe('replacesStored', () => {
  it('keeps the later updatedAt, and the last upsert when either is unknown or on a tie', () => {
    expect(replacesStored({ updatedAt: 2 }, { updatedAt: 1 })).toBe(true);
    expect(replacesStored({ updatedAt: 1 }, { updatedAt: 2 })).toBe(false);
    expect(replacesStored({ updatedAt: 2 }, { updatedAt: 2 })).toBe(true);
    expect(replacesStored({ updatedAt: null }, { updatedAt: 2 })).toBe(true);
    expect(replacesStored({ updatedAt: 1 }, { updatedAt: null })).toBe(true);
    expect(replacesStored({ updatedAt: 1 }, undefined)).toBe(true);
  });
});

describe('search', () => {
  it('normalizes with NFKC and lowercase', () => {
    expect(normalizeSearchText('Ｃｕｐｉｄ ÉTÉ')).toBe('cupid été');
    expect(normalizeSearchText('e\u0301')).toBe('é');
  });

  it('turns control characters into spaces and trims the query', () => {
    expect(normalizeSearchQuery('  Hello\nWorld\u0000 ')).toBe('hello world');
    expect(normalizeSearchQuery('\t\n')).toBe('');
  });

  it('matches a literal substring of any field', () => {
    expect(matchesSearch(['session-42', 'alice', 'I love hiking'], 'HIKING')).toBe(true);
    expect(matchesSearch(['session-42', null], 'alice')).toBe(false);
    expect(matchesSearch(['100% sure'], '%')).toBe(true);
    expect(matchesSearch(['abc'], '%')).toBe(false);
    expect(matchesSearch(['abc'], 'a_c')).toBe(false);
    expect(matchesSearch(['anything'], '  ')).toBe(true);
  });

  it('never matches across two fields', () => {
    expect(matchesSearch(['ab', 'cd'], 'bc')).toBe(false);
    expect(matchesSearch(['ab', 'cd'], 'b\nc')).toBe(false);
  });
});

describe('pagination', () => {
  it('applies defaults and bounds', () => {
    expect(resolvePage({})).toEqual({ page: 1, limit: 50, offset: 0 });
    expect(resolvePage({ page: 3, limit: 20 })).toEqual({ page: 3, limit: 20, offset: 40 });
    expect(resolvePage({ limit: 200 })?.limit).toBe(200);
    for (const bad of [
      { page: 0 },
      { page: 1.5 },
      { limit: 0 },
      { limit: 201 },
      { limit: Number.NaN },
    ]) {
      expect(resolvePage(bad)).toBeNull();
    }
  });

  it('counts pages', () => {
    expect(totalPages(0, 50)).toBe(0);
    expect(totalPages(50, 50)).toBe(1);
    expect(totalPages(101, 50)).toBe(3);
  });
});
