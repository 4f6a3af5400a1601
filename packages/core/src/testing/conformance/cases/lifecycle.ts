import { describe, expect, it } from 'vitest';
import { type DashboardError, isDashboardError } from '../../../errors/dashboard-error';
import type { UpsertBatch } from '../../../store/upsert';
import { observation, session, trace } from '../fixtures';
import type { OpenStore } from '../open-store';

/** The code a store call rejects with (undefined when it resolves); fails unless it is a DashboardError. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    // A brand check, not instanceof: the store under test may load its own copy of core.
    expect(isDashboardError(error)).toBe(true);
    return (error as DashboardError).code;
  }
}

/** Errors with stable codes: invalid queries and records, and a closed store. */
export function lifecycleCases(open: OpenStore): void {
  describe('errors and lifecycle', () => {
    it('rejects out-of-range parameters with STORE_INVALID_QUERY', async () => {
      const store = await open();
      expect(await codeOf(store.listSessions({ page: 0 }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.listSessions({ limit: 201 }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.listSessions({ limit: 1.5 }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.listSessions({ range: { from: Number.NaN } }))).toBe(
        'STORE_INVALID_QUERY',
      );
      const untyped = store as unknown as {
        listSessions(params: Record<string, unknown>): Promise<unknown>;
        getDashboard(params: Record<string, unknown>): Promise<unknown>;
      };
      expect(await codeOf(untyped.listSessions({ status: 'done' }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(untyped.listSessions({ sort: 'cost; DROP TABLE x' }))).toBe(
        'STORE_INVALID_QUERY',
      );
      expect(await codeOf(untyped.listSessions({ order: 'up' }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(untyped.getDashboard({ bucket: 'week' }))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.acquireLease('', 1000, 0))).toBe('STORE_INVALID_QUERY');
      expect(await codeOf(store.acquireLease('a', 0, 0))).toBe('STORE_INVALID_QUERY');
      await store.upsert({ observations: [observation({ id: 'o', name: 'Mortal' })] });
      await store.refresh();
      const huge = { from: 0, to: 20_000 * 3_600_000 };
      expect(
        await codeOf(store.getAgentTimeSeries({ name: 'Mortal', bucket: 'hour', range: huge })),
      ).toBe('STORE_INVALID_QUERY');
    });

    it('rejects a batch with an invalid record and writes none of it', async () => {
      const store = await open();
      const bad = observation({ id: 'bad', startTime: Number.NaN });
      expect(await codeOf(store.upsert({ observations: [observation({ id: 'good' }), bad] }))).toBe(
        'STORE_INVALID_RECORD',
      );
      expect(await codeOf(store.upsert({ observations: [observation({ id: '' })] }))).toBe(
        'STORE_INVALID_RECORD',
      );
      await store.refresh();
      expect((await store.counts()).records.observations).toBe(0);
    });

    it('rejects a non-finite time, updatedAt included, and writes nothing of the batch', async () => {
      // Each batch holds valid records of all three kinds beside one bad time, so a store that
      // writes record by record before checking would leave something behind.
      const bad: [string, UpsertBatch][] = [
        ['trace updatedAt NaN', { traces: [trace({ id: 'x', updatedAt: Number.NaN })] }],
        ['trace updatedAt Infinity', { traces: [trace({ id: 'x', updatedAt: Infinity })] }],
        ['trace timestamp -Infinity', { traces: [trace({ id: 'x', timestamp: -Infinity })] }],
        [
          'observation updatedAt NaN',
          { observations: [observation({ id: 'x', updatedAt: Number.NaN })] },
        ],
        [
          'observation startTime Infinity',
          { observations: [observation({ id: 'x', startTime: Infinity })] },
        ],
        [
          'observation endTime NaN',
          { observations: [observation({ id: 'x', endTime: Number.NaN })] },
        ],
        ['session createdAt NaN', { sessions: [session('x', Number.NaN)] }],
      ];
      const store = await open();
      for (const [label, extra] of bad) {
        const batch: UpsertBatch = {
          sessions: [session('s'), ...(extra.sessions ?? [])],
          traces: [trace({ id: 't', sessionId: 's', updatedAt: 1 }), ...(extra.traces ?? [])],
          observations: [
            observation({ id: 'o', traceId: 't', updatedAt: 1 }),
            ...(extra.observations ?? []),
          ],
        };
        expect(await codeOf(store.upsert(batch)), label).toBe('STORE_INVALID_RECORD');
      }
      await store.refresh();
      expect((await store.counts()).records).toEqual({
        sessions: 0,
        traces: 0,
        observations: 0,
        scores: 0,
      });
    });

    it('rejects every call with STORE_UNAVAILABLE once closed', async () => {
      const store = await open();
      await store.ping();
      await store.close();
      await store.close();
      expect(await codeOf(store.ping())).toBe('STORE_UNAVAILABLE');
      expect(await codeOf(store.listSessions())).toBe('STORE_UNAVAILABLE');
      expect(await codeOf(store.upsert({}))).toBe('STORE_UNAVAILABLE');
    });
  });
}
