import { describe, expect, it } from 'vitest';
import type { OpenStore } from '../open-store';

/** Sync state persistence and the single-flight lease. */
export function syncStateCases(open: OpenStore): void {
  describe('sync state and lease', () => {
    it('patches the sync state shallowly and round-trips the checkpoint', async () => {
      const store = await open();
      const checkpoint = {
        phase: 'observations',
        cursor: 'eyJ4Ijo',
        page: 3,
        seen: [1, 2],
        done: false,
        extra: null,
      };
      await store.saveSyncState({ status: 'running', checkpoint, apiMode: 'v2' });
      const lastRun = {
        startedAt: 1000,
        finishedAt: 5000,
        status: 'success' as const,
        counts: { sessions: 1, traces: 2, observations: 3, scores: 4 },
        requests: 4,
        durationMs: 4000,
        error: null,
      };
      const saved = await store.saveSyncState({
        status: 'success',
        lastRun,
        watermark: 4000,
        lastSuccessAt: 5000,
      });
      expect(saved).toEqual({
        status: 'success',
        watermark: 4000,
        checkpoint,
        lastRun,
        lastSuccessAt: 5000,
        progress: null,
        apiMode: 'v2',
      });
      expect(await store.getSyncState()).toEqual(saved);
      const cleared = await store.saveSyncState({
        checkpoint: null,
        status: 'error',
        lastRun: {
          ...lastRun,
          status: 'error',
          error: { code: 'LANGFUSE_AUTH', message: 'bad keys' },
        },
      });
      expect(cleared.checkpoint).toBeNull();
      expect(cleared.watermark).toBe(4000);
      expect(cleared.lastRun?.error).toEqual({ code: 'LANGFUSE_AUTH', message: 'bad keys' });
    });

    it('does not let callers alias the stored state', async () => {
      const store = await open();
      const checkpoint = { page: 1 };
      await store.saveSyncState({ checkpoint });
      checkpoint.page = 99;
      const state = await store.getSyncState();
      expect(state.checkpoint).toEqual({ page: 1 });
      (state.checkpoint as { page: number }).page = 42;
      expect((await store.getSyncState()).checkpoint).toEqual({ page: 1 });
    });

    it('grants the lease to one owner until it expires or is released', async () => {
      const store = await open();
      expect(await store.acquireLease('a', 1000, 0)).toBe(true);
      expect(await store.acquireLease('b', 1000, 500)).toBe(false);
      expect(await store.acquireLease('a', 1000, 600)).toBe(true);
      expect(await store.getLease()).toEqual({ owner: 'a', acquiredAt: 0, expiresAt: 1600 });
      expect(await store.renewLease('b', 1000, 700)).toBe(false);
      expect(await store.renewLease('a', 1000, 700)).toBe(true);
      expect(await store.acquireLease('b', 1000, 1699)).toBe(false);
      expect(await store.acquireLease('b', 1000, 1700)).toBe(true);
      expect(await store.renewLease('a', 1000, 1701)).toBe(false);
      await store.releaseLease('a');
      expect((await store.getLease())?.owner).toBe('b');
      await store.releaseLease('b');
      expect(await store.getLease()).toBeNull();
      expect(await store.acquireLease('a', 1000, 1800)).toBe(true);
    });

    it('gives the lease to exactly one of many concurrent callers', async () => {
      const store = await open();
      const owners = Array.from({ length: 8 }, (_, i) => `owner-${i}`);
      const results = await Promise.all(
        owners.map((owner) => store.acquireLease(owner, 60_000, 1000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('does not renew an expired lease', async () => {
      const store = await open();
      expect(await store.acquireLease('a', 100, 0)).toBe(true);
      expect(await store.renewLease('a', 100, 100)).toBe(false);
    });
  });
}
