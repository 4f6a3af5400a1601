import { describe, expect, it } from 'vitest';
import type { DashboardStore } from '../../../store/store';
import { HOUR, observation, score, T0 } from '../fixtures';
import type { OpenSibling, OpenStore } from '../open-store';

const call = (id: string, updatedAt: number | null = null) =>
  observation({ id, sessionId: `s-${id}`, name: 'Mortal', startTime: T0, updatedAt });

/** What a cache may rely on: the data version moves with every committing write, and only then. */
export function dataVersionCases(open: OpenStore, openSibling: OpenSibling | undefined): void {
  describe('data version and snapshots', () => {
    it('stays the same across reads, lease calls and writes that store nothing', async () => {
      const store = await open();
      const first = await store.getDataVersion();
      expect(typeof first).toBe('string');
      expect(first.length).toBeGreaterThan(0);
      await store.listSessions();
      await store.getDashboard({ range: { from: T0 - HOUR, to: T0 + HOUR } });
      await store.getSyncState();
      await store.counts();
      await store.acquireLease('a', 1000, 0);
      await store.renewLease('a', 1000, 10);
      await store.releaseLease('a');
      await store.getLease();
      await store.upsert({});
      await store.upsert({ observations: [] });
      await store.refresh();
      expect(await store.getDataVersion()).toBe(first);

      await store.upsert({ observations: [call('o', 200)] });
      const written = await store.getDataVersion();
      // An older version is skipped: nothing is stored, so nothing an answer shows changed.
      const stale = await store.upsert({ observations: [call('o', 100)] });
      expect(stale.skipped.observations).toBe(1);
      expect(await store.getDataVersion()).toBe(written);
    });

    it('changes on every upsert that stores a version, every rebuild and every sync state patch', async () => {
      const store = await open();
      const seen = [await store.getDataVersion()];
      const expectNew = async () => {
        const version = await store.getDataVersion();
        expect(seen).not.toContain(version);
        seen.push(version);
      };
      await store.upsert({ observations: [call('o1')] });
      await expectNew();
      // An identical re-delivery is still a stored version (the batch's `written` counts it).
      await store.upsert({ observations: [call('o1')] });
      await expectNew();
      await store.upsert({ sessions: [{ id: 's-x', createdAt: T0, environment: 'default' }] });
      await expectNew();
      await store.upsert({ scores: [score({ id: 'sc', updatedAt: 5 })] });
      await expectNew();
      // A score overwritten at the source is a new stored version; its older version stores nothing.
      await store.upsert({ scores: [score({ id: 'sc', value: 0.9, updatedAt: 6 })] });
      await expectNew();
      await store.upsert({ scores: [score({ id: 'sc', updatedAt: 5 })] });
      expect(seen).toContain(await store.getDataVersion());
      await store.refresh('all');
      await expectNew();
      await store.saveSyncState({ status: 'running' });
      await expectNew();
      await store.saveSyncState({ status: 'success', lastSuccessAt: T0 });
      await expectNew();
    });

    it('reads a snapshot: the answer, its version and its freshness from one state', async () => {
      const store = await open();
      await store.upsert({ observations: [call('o1')] });
      await store.saveSyncState({ lastSuccessAt: T0 });
      const before = await store.getDataVersion();
      let pending: Promise<unknown> | undefined;
      const snapshot = await store.readSnapshot(async (reads) => {
        const first = await reads.listSessions();
        // A write that starts while the snapshot is open must not show inside it (a store with
        // one connection may make it wait until the snapshot ends; either is fine).
        pending = Promise.all([
          store.upsert({ observations: [call('o2')] }),
          store.saveSyncState({ lastSuccessAt: T0 + HOUR }),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const second = await reads.listSessions();
        const state = await reads.getSyncState();
        return { first: first.total, second: second.total, asOf: state.lastSuccessAt };
      });
      await pending;
      expect(snapshot).toEqual({
        value: { first: 1, second: 1, asOf: T0 },
        version: before,
        lastSuccessAt: T0,
      });
      const after = await store.readSnapshot((reads) => reads.listSessions());
      expect(after.value.total).toBe(2);
      expect(after.lastSuccessAt).toBe(T0 + HOUR);
      expect(after.version).toBe(await store.getDataVersion());
      expect(after.version).not.toBe(before);
    });

    it('passes errors of the callback through and still answers afterwards', async () => {
      const store = await open();
      const failure = new Error('from the callback');
      await expect(store.readSnapshot(() => Promise.reject(failure))).rejects.toBe(failure);
      await expect(
        store.readSnapshot((reads) => reads.listSessions({ limit: 0 })),
      ).rejects.toMatchObject({ code: 'STORE_INVALID_QUERY' });
      expect((await store.readSnapshot((reads) => reads.listSessions())).value.total).toBe(0);
    });

    it('rejects with STORE_UNAVAILABLE once closed', async () => {
      const store = await open();
      await store.close();
      await expect(store.getDataVersion()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.readSnapshot((reads) => reads.listSessions())).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
    });

    it('tells two stores apart, even with the same writes', async () => {
      const one = await open();
      const two = await open();
      await one.upsert({ observations: [call('o1')] });
      await two.upsert({ observations: [call('o1')] });
      expect(await one.getDataVersion()).not.toBe(await two.getDataVersion());
    });

    if (openSibling === undefined) return;

    it('is shared by every store open on the same database', async () => {
      const store = await open();
      const sibling: DashboardStore = await openSibling(store);
      expect(await sibling.getDataVersion()).toBe(await store.getDataVersion());
      await store.upsert({ observations: [call('o1')] });
      const afterUpsert = await store.getDataVersion();
      expect(await sibling.getDataVersion()).toBe(afterUpsert);
      await sibling.saveSyncState({ lastSuccessAt: T0 });
      const afterPatch = await sibling.getDataVersion();
      expect(afterPatch).not.toBe(afterUpsert);
      expect(await store.getDataVersion()).toBe(afterPatch);
      const seen = await store.readSnapshot((reads) => reads.listSessions());
      expect(seen).toMatchObject({ version: afterPatch, lastSuccessAt: T0, value: { total: 1 } });
    });
  });
}
