import { createMemoryStore, type DashboardStore, type UpsertBatch } from '@cupid-dashboard/core';
import { assertSameAnswer, observation, T0 } from '@cupid-dashboard/core/testing';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSchema } from '../src/db/schema';
import { createSqliteStore, type SqliteDashboardStore } from '../src/index';
import { planSearch } from '../src/read/session-search';

/**
 * Sixty sessions: most say "about" (a common pair `ab`), some hold `a` and `b` apart, a few
 * neither; enough that a page of two is read by walking the sort index (matches ≥ 20× the rows).
 */
function batch(): UpsertBatch {
  const lines = (i: number) => (i % 4 === 3 ? 'a quiet b' : i % 10 === 9 ? 'nothing' : 'about');
  return {
    observations: Array.from({ length: 60 }, (_, i) =>
      observation({
        id: `o${i}`,
        sessionId: `s${String(i).padStart(2, '0')}`,
        input: [{ role: 'user', content: `${lines(i)} ${i % 7 === 0 ? 'zq' : ''}` }],
        startTime: T0 + i * 60_000,
        endTime: T0 + i * 60_000 + (i % 5) * 1000,
      }),
    ),
  };
}

describe('one- and two-character search plans', () => {
  let store: SqliteDashboardStore;
  let reference: DashboardStore;

  beforeAll(async () => {
    store = await createSqliteStore({ path: ':memory:' });
    reference = createMemoryStore();
    await store.upsert(batch());
    await reference.upsert(batch());
  });
  afterAll(() => store.close());

  it('scans the text for a pair most sessions pass and looks up the text for a rare one', async () => {
    const db = new Kysely<StoreSchema>({
      dialect: new SqliteDialect({ database: store.database }),
    });
    const plan = (search: string) => planSearch(db, search);
    expect(await plan('ab')).toMatchObject({ plan: 'scan' });
    expect(await plan('zq')).toMatchObject({ plan: 'pair' });
    expect(await plan('b')).toMatchObject({ plan: 'chars' });
    expect(await plan('abo')).toMatchObject({ plan: 'phrase' });
    expect(await plan('  ')).toBeNull();
  });

  it('answers like the reference store on every plan, page and sort', async () => {
    const now = T0 + 3_600_000;
    for (const search of ['ab', 'zq', 'b', 'a', 'abo', ' q']) {
      for (const sort of ['lastActivityAt', 'durationMs', 'cost', 'id'] as const) {
        for (const page of [1, 2, 9]) {
          const query = { search, sort, order: 'desc' as const, page, limit: 2, now };
          assertSameAnswer(
            `${search} ${sort} page ${page}`,
            await store.listSessions(query),
            await reference.listSessions(query),
          );
        }
      }
      const scan = { search, sort: 'durationMs' as const, limit: 7, now };
      assertSameAnswer(
        `${search} scan`,
        await store.scanSessions(scan),
        await reference.scanSessions(scan),
      );
    }
  });
});
