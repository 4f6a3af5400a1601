import { describe, expect, it } from 'vitest';
import { SESSION_SORT_KEYS } from '../../../store/sessions';
import type { DashboardStore } from '../../../store/store';
import { MINUTE, observation, T0 } from '../fixtures';
import type { OpenStore } from '../open-store';
import { scanAll } from '../queries';
import { codeOf } from './lifecycle';

/**
 * Sessions with ties and nulls in the nullable sort keys: s0–s2 share a cost, s3 and s4 have no
 * user and no chapter, s5 has no cost.
 */
async function loadTies(store: DashboardStore): Promise<void> {
  const at = (i: number) => T0 + i * MINUTE;
  await store.upsert({
    observations: [
      ...[0, 1, 2].map((i) =>
        observation({
          id: `o${i}`,
          sessionId: `s${i}`,
          userId: `u${i % 2}`,
          name: 'Mortal',
          metadata: { chapter: i },
          startTime: at(i),
          totalCost: 0.25,
        }),
      ),
      ...[3, 4].map((i) =>
        observation({ id: `o${i}`, sessionId: `s${i}`, startTime: at(i), totalCost: 0.5 }),
      ),
      observation({ id: 'o5', sessionId: 's5', userId: 'u1', startTime: at(2) }),
    ],
  });
  await store.refresh();
}

/** `scanSessions`: keyset batches that read exactly what the list holds, in its order. */
export function scanCases(open: OpenStore): void {
  describe('session scan', () => {
    it('reads every sort and order in the list order, one row per batch, across ties and nulls', async () => {
      const store = await open();
      await loadTies(store);
      for (const sort of SESSION_SORT_KEYS) {
        for (const order of ['asc', 'desc'] as const) {
          const listed = (await store.listSessions({ sort, order, limit: 200 })).items;
          const scanned = await scanAll(store, { sort, order, limit: 1 });
          expect(scanned.items, `${sort} ${order}`).toEqual(listed);
          expect(scanned.positions).toHaveLength(listed.length - 1);
        }
      }
    });

    it('applies the list filters', async () => {
      const store = await open();
      await loadTies(store);
      const filters = {
        userId: 'u1',
        range: { from: T0 + MINUTE },
        search: 's',
        sort: 'id',
        order: 'asc',
      } as const;
      const listed = (await store.listSessions({ ...filters, limit: 200 })).items;
      expect(listed.map((row) => row.id)).toEqual(['s1', 's5']);
      expect((await scanAll(store, { ...filters, limit: 1 })).items).toEqual(listed);
    });

    it('ends with next null, also when the rows fill the last batch exactly', async () => {
      const store = await open();
      expect(await store.scanSessions()).toEqual({ items: [], next: null });
      await loadTies(store);
      const first = await store.scanSessions({ sort: 'id', order: 'asc', limit: 3 });
      expect(first.items.map((row) => row.id)).toEqual(['s0', 's1', 's2']);
      expect(first.next).toEqual({ value: 's2', id: 's2' });
      const second = await store.scanSessions({
        sort: 'id',
        order: 'asc',
        limit: 3,
        after: first.next ?? undefined,
      });
      expect(second.items.map((row) => row.id)).toEqual(['s3', 's4', 's5']);
      expect(second.next).toBeNull();
    });

    it('neither repeats nor skips a row when sessions are written between batches', async () => {
      const store = await open();
      await loadTies(store);
      const first = await store.scanSessions({ sort: 'startedAt', order: 'desc', limit: 2 });
      // One session sorts before the position (already passed), one after it (still to come).
      await store.upsert({
        observations: [
          observation({ id: 'late', sessionId: 'newest', startTime: T0 + 60 * MINUTE }),
          observation({ id: 'early', sessionId: 'oldest', startTime: T0 - 60 * MINUTE }),
        ],
      });
      await store.refresh();
      const rest = await scanAll(store, {
        sort: 'startedAt',
        order: 'desc',
        limit: 2,
        after: first.next ?? undefined,
      });
      const ids = [...first.items, ...rest.items].map((row) => row.id);
      expect(ids).toEqual(['s4', 's3', 's2', 's5', 's1', 's0', 'oldest']);
    });

    it('rejects a bad batch size or position with STORE_INVALID_QUERY', async () => {
      const store = await open();
      expect(await codeOf(store.scanSessions({ limit: 0 }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.scanSessions({ limit: 1001 }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.scanSessions({ limit: 2.5 }))).toBe('STORE_INVALID_QUERY');
      const untyped = store as unknown as { scanSessions(p: unknown): Promise<unknown> };
      expect(await codeOf(untyped.scanSessions({ after: { value: 1 } }))).toBe(
        'STORE_INVALID_QUERY',
      );
      expect(await codeOf(untyped.scanSessions({ after: { value: {}, id: 'x' } }))).toBe(
        'STORE_INVALID_QUERY',
      );
      expect(await codeOf(untyped.scanSessions({ sort: 'nope' }))).toBe('STORE_INVALID_QUERY');
      expect(await store.scanSessions({ limit: 1000 })).toEqual({ items: [], next: null });
    });
  });
}
