import { describe, expect, it } from 'vitest';
import { observation, T0 } from '../fixtures';
import type { OpenStore } from '../open-store';

/** Search text is literal, case-insensitive and Unicode-aware. */
export function searchCases(open: OpenStore): void {
  describe('search', () => {
    const load = async () => {
      const store = await open();
      const say = (id: string, sessionId: string, content: string, userId: string | null = null) =>
        observation({ id, sessionId, userId, input: [{ role: 'user', content }], startTime: T0 });
      await store.upsert({
        observations: [
          say('o1', 'émoji', 'Ich liebe STRAẞE und 💘 Amor', 'Zoë'),
          say('o2', 'sql', "Robert'); DROP TABLE sessions;-- 100% _done_"),
          say('o3', 'wide', 'ＦＵＬＬＷＩＤＴＨ text and ÉTÉ'),
          say('o4', 'plain', 'nothing special here', 'user-1'),
        ],
      });
      await store.refresh();
      return store;
    };
    const ids = async (store: Awaited<ReturnType<typeof load>>, search: string) =>
      (await store.listSessions({ search, sort: 'id', order: 'asc' })).items.map((row) => row.id);

    it('matches Unicode text case-insensitively after NFKC normalization', async () => {
      const store = await load();
      expect(await ids(store, '💘')).toEqual(['émoji']);
      expect(await ids(store, 'zoë')).toEqual(['émoji']);
      expect(await ids(store, 'ÉMOJI')).toEqual(['émoji']);
      expect(await ids(store, 'fullwidth')).toEqual(['wide']);
      expect(await ids(store, 'été')).toEqual(['wide']);
    });

    it('takes SQL-looking and wildcard text literally', async () => {
      const store = await load();
      expect(await ids(store, "'); DROP TABLE sessions;--")).toEqual(['sql']);
      expect(await ids(store, '100%')).toEqual(['sql']);
      expect(await ids(store, '%')).toEqual(['sql']);
      expect(await ids(store, '_done_')).toEqual(['sql']);
      expect(await ids(store, '_')).toEqual(['sql']);
      expect(await ids(store, "' OR '1'='1")).toEqual([]);
      expect(await ids(store, '*')).toEqual([]);
      expect((await store.counts()).records.observations).toBe(4);
    });

    it('treats a blank search as none and matches across ids and users', async () => {
      const store = await load();
      expect(await ids(store, '   ')).toEqual(['plain', 'sql', 'wide', 'émoji']);
      expect(await ids(store, 'USER-1')).toEqual(['plain']);
      expect(await ids(store, 'special\nhere')).toEqual(['plain']);
      expect(await ids(store, 'special here')).toEqual(['plain']);
    });

    it('answers one- and two-character searches exactly, within a line', async () => {
      const store = await open();
      const say = (id: string, sessionId: string, content: string, userId: string | null = null) =>
        observation({ id, sessionId, userId, input: [{ role: 'user', content }], startTime: T0 });
      await store.upsert({
        observations: [
          say('p1', 's1', 'xa\nyb'),
          say('p2', 's2', 'XY'),
          say('p3', 's3', 'yx z', 'Qu'),
        ],
      });
      await store.refresh();
      expect(await ids(store, 'xy')).toEqual(['s2']);
      expect(await ids(store, 'yx')).toEqual(['s3']);
      expect(await ids(store, 'ay')).toEqual([]);
      expect(await ids(store, 'zx')).toEqual([]);
      expect(await ids(store, 'x')).toEqual(['s1', 's2', 's3']);
      expect(await ids(store, 'A')).toEqual(['s1']);
      expect(await ids(store, 's2')).toEqual(['s2']);
      expect(await ids(store, 'qu')).toEqual(['s3']);
      expect(await ids(store, 'u')).toEqual(['s3']);
      expect(await ids(store, 'é')).toEqual([]);
    });
  });
}
