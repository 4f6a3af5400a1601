import {
  AnswerCache,
  answerClock,
  answerKey,
  type CachedAnswer,
  entityTag,
  notModified,
} from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';

const answer = (json: string): CachedAnswer => ({ status: 200, headers: {}, json });

describe('AnswerCache', () => {
  it('evicts the least recently used answer past maxEntries', () => {
    const cache = new AnswerCache({ maxEntries: 2 });
    cache.set('a', answer('1'));
    cache.set('b', answer('2'));
    expect(cache.get('a')?.json).toBe('1');
    cache.set('c', answer('3'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.json).toBe('1');
    expect(cache.get('c')?.json).toBe('3');
    expect(cache.size).toBe(2);
  });

  it('keeps its bytes under maxBytes and serves, without keeping, an answer larger than that', () => {
    const cache = new AnswerCache({ maxBytes: 4096 });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, answer('x'.repeat(500)));
    expect(cache.bytes).toBeLessThanOrEqual(4096);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(10);
    expect(cache.get('k9')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    cache.set('huge', answer('x'.repeat(5000)));
    expect(cache.get('huge')).toBeUndefined();
  });

  it('replaces an answer under the same key without counting it twice', () => {
    const cache = new AnswerCache();
    cache.set('a', answer('1'));
    const once = cache.bytes;
    cache.set('a', answer('2'));
    expect(cache.bytes).toBe(once);
    expect(cache.get('a')?.json).toBe('2');
    cache.clear();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it('computes a shared answer once for every caller waiting on it, and again after', async () => {
    const cache = new AnswerCache();
    let runs = 0;
    const compute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return answer(String(runs));
    };
    const all = await Promise.all([1, 2, 3].map(() => cache.shared('k', compute)));
    expect(runs).toBe(1);
    expect(all.map((one) => one.json)).toEqual(['1', '1', '1']);
    await cache.shared('k', compute);
    expect(runs).toBe(2);
    await expect(cache.shared('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await cache.shared('bad', compute)).json).toBe('3');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s with DASHBOARD_CONFIG', (limit) => {
    expect(() => new AnswerCache({ maxEntries: limit })).toThrow(
      expect.objectContaining({ code: 'DASHBOARD_CONFIG' }),
    );
    expect(() => new AnswerCache({ maxBytes: limit })).toThrow(
      expect.objectContaining({ code: 'DASHBOARD_CONFIG' }),
    );
  });
});

describe('answer keys and tags', () => {
  const at = Date.parse('2026-11-20T12:01:00Z');

  it('rounds the clock up to the minute', () => {
    expect(answerClock(Date.parse('2026-11-20T12:00:00.001Z'))).toBe(at);
    expect(answerClock(Date.parse('2026-11-20T12:00:59.999Z'))).toBe(at);
    expect(answerClock(at)).toBe(at);
  });

  it('gives equal queries one key whatever their key order, and tells everything else apart', () => {
    const key = answerKey('listSessions', {}, { page: 1, limit: 50 }, at, 'v1');
    expect(answerKey('listSessions', {}, { limit: 50, page: 1 }, at, 'v1')).toBe(key);
    const others = [
      answerKey('listAgents', {}, { page: 1, limit: 50 }, at, 'v1'),
      answerKey('listSessions', {}, { page: 2, limit: 50 }, at, 'v1'),
      answerKey('listSessions', { id: 'x' }, { page: 1, limit: 50 }, at, 'v1'),
      answerKey('listSessions', {}, { page: 1, limit: 50 }, at + 60_000, 'v1'),
      answerKey('listSessions', {}, { page: 1, limit: 50 }, at, 'v2'),
    ];
    const tags = new Set([key, ...others].map(entityTag));
    expect(tags.size).toBe(6);
    expect(entityTag(key)).toMatch(/^"[0-9a-f]{16}"$/);
    expect(entityTag(key)).toBe(entityTag(`${key}`));
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(notModified(undefined, '"a"')).toBe(false);
    expect(notModified('"b"', '"a"')).toBe(false);
    expect(notModified('"a"', '"a"')).toBe(true);
    expect(notModified('"x", W/"a"', '"a"')).toBe(true);
    expect(notModified('*', '"a"')).toBe(true);
    expect(notModified('a', '"a"')).toBe(false);
  });
});
