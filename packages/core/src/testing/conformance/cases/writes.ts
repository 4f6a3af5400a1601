import { describe, expect, it } from 'vitest';
import { MINUTE, observation, session, T0, trace } from '../fixtures';
import type { OpenStore } from '../open-store';
import { SCENARIO_NOW, scenarioBatch } from '../scenario';

/** Idempotent upserts, the version rule, linking and touched keys. */
export function writeCases(open: OpenStore): void {
  describe('writes', () => {
    it('is idempotent: the same batch twice gives the same answers', async () => {
      const once = await open(SCENARIO_NOW);
      const twice = await open(SCENARIO_NOW);
      await once.upsert(scenarioBatch());
      await twice.upsert(scenarioBatch());
      const second = await twice.upsert(scenarioBatch());
      expect(second.written).toEqual({ sessions: 1, traces: 3, observations: 6, scores: 0 });
      await once.refresh();
      await twice.refresh();
      expect(await twice.counts()).toEqual(await once.counts());
      expect(await twice.listSessions({ now: SCENARIO_NOW })).toEqual(
        await once.listSessions({ now: SCENARIO_NOW }),
      );
      expect(await twice.getConversation({ sessionId: 's1' })).toEqual(
        await once.getConversation({ sessionId: 's1' }),
      );
    });

    it('keeps the version with the later updatedAt, whatever the delivery order', async () => {
      const store = await open();
      const v1 = observation({
        id: 'o',
        sessionId: 's',
        name: 'Mortal',
        totalCost: 1,
        updatedAt: 100,
      });
      const v2 = { ...v1, totalCost: 2, updatedAt: 200 };
      expect((await store.upsert({ observations: [v2] })).written.observations).toBe(1);
      const stale = await store.upsert({ observations: [v1] });
      expect(stale.written.observations).toBe(0);
      expect(stale.skipped.observations).toBe(1);
      await store.refresh();
      expect((await store.getSession({ id: 's' }))?.cost).toBe(2);
    });

    it('lets the last upsert win when updatedAt is missing, also inside one batch', async () => {
      const store = await open();
      const a = observation({ id: 'o', sessionId: 's', totalCost: 1, updatedAt: 500 });
      const b = { ...a, totalCost: 3, updatedAt: null };
      const c = { ...a, totalCost: 4, updatedAt: null };
      await store.upsert({ observations: [a, b] });
      await store.refresh();
      expect((await store.getSession({ id: 's' }))?.cost).toBe(3);
      await store.upsert({ observations: [c, { ...c, totalCost: 5 }] });
      await store.refresh();
      expect((await store.getSession({ id: 's' }))?.cost).toBe(5);
    });

    it('links observations that arrive before their trace, and reports the sessions touched', async () => {
      const store = await open();
      const o = observation({
        id: 'o',
        traceId: 't',
        name: 'Mortal',
        model: 'gpt-4o',
        startTime: T0 + 90 * MINUTE,
      });
      const first = await store.upsert({ observations: [o] });
      expect(first.touched.sessionIds).toEqual([]);
      expect(first.touched.agentNames).toEqual(['Mortal']);
      expect(first.touched.models).toEqual(['gpt-4o']);
      expect(first.touched.hourBuckets).toEqual([T0 + 60 * MINUTE]);
      await store.refresh(first.touched);
      expect((await store.listSessions()).total).toBe(0);
      expect((await store.listAgents())[0]).toMatchObject({
        name: 'Mortal',
        calls: 1,
        sessions: 0,
      });

      const linked = await store.upsert({
        traces: [trace({ id: 't', sessionId: 's1', userId: 'u' })],
      });
      expect(linked.touched.sessionIds).toEqual(['s1']);
      expect(linked.touched.agentNames).toContain('Mortal');
      await store.refresh(linked.touched);
      expect(await store.getSession({ id: 's1' })).toMatchObject({
        userId: 'u',
        observationCount: 1,
        chapterReached: 1,
      });
      expect((await store.listAgents())[0]).toMatchObject({ name: 'Mortal', sessions: 1 });

      const moved = await store.upsert({ traces: [trace({ id: 't', sessionId: 's2' })] });
      expect([...moved.touched.sessionIds].sort()).toEqual(['s1', 's2']);
      await store.refresh(moved.touched);
      expect(await store.getSession({ id: 's2' })).toMatchObject({
        observationCount: 1,
        userId: null,
      });
      // s1 stays known through nothing: its trace moved, so it disappears.
      expect(await store.getSession({ id: 's1' })).toBeNull();
    });

    it('prefers the observation’s own sessionId over its trace’s', async () => {
      const store = await open();
      await store.upsert({
        traces: [trace({ id: 't', sessionId: 'from-trace' })],
        observations: [observation({ id: 'o', traceId: 't', sessionId: 'own', totalCost: 1 })],
      });
      await store.refresh();
      expect((await store.getSession({ id: 'own' }))?.cost).toBe(1);
      expect(await store.getSession({ id: 'from-trace' })).toMatchObject({
        cost: 0,
        traceCount: 1,
      });
    });

    it('moves an observation between sessions and touches both', async () => {
      const store = await open();
      await store.upsert({
        observations: [observation({ id: 'o', sessionId: 'a', totalCost: 1 })],
      });
      await store.refresh();
      const moved = await store.upsert({
        observations: [observation({ id: 'o', sessionId: 'b', totalCost: 1 })],
      });
      expect([...moved.touched.sessionIds].sort()).toEqual(['a', 'b']);
      await store.refresh(moved.touched);
      expect(await store.getSession({ id: 'a' })).toBeNull();
      expect((await store.getSession({ id: 'b' }))?.cost).toBe(1);
    });

    it('applies late updates that change cost, chapter and status', async () => {
      const now = T0 + 5 * MINUTE;
      const store = await open(now);
      const first = observation({
        id: 'o',
        sessionId: 's',
        name: 'CupidEvaluation',
        startTime: T0,
        updatedAt: T0,
      });
      await store.upsert({ sessions: [session('s', T0)], observations: [first] });
      await store.refresh();
      expect(await store.getSession({ id: 's', now })).toMatchObject({
        status: 'active',
        cost: 0,
        chapterReached: 5,
      });
      const late = {
        ...first,
        endTime: T0 + 2000,
        level: 'ERROR' as const,
        totalCost: 0.25,
        usageDetails: { input: 40, output: 2 },
        updatedAt: T0 + 12 * MINUTE,
      };
      const { touched } = await store.upsert({ observations: [late] });
      await store.refresh(touched);
      expect(await store.getSession({ id: 's', now })).toMatchObject({
        status: 'error',
        cost: 0.25,
        errorCount: 1,
        tokens: { input: 40, output: 2, total: 42 },
        lastActivityAt: T0 + 2000,
      });
      const end = observation({
        id: 'o2',
        sessionId: 's',
        name: 'End',
        startTime: T0 + 3000,
        updatedAt: T0 + 3000,
      });
      await store.refresh((await store.upsert({ observations: [end] })).touched);
      expect((await store.getSession({ id: 's', now }))?.status).toBe('completed');
      expect((await store.getSessionStats({ now })).byStatus).toMatchObject({
        completed: 1,
        error: 0,
      });
    });

    it('keeps sessions without a user out of the user count but in the list', async () => {
      const store = await open();
      await store.upsert({
        observations: [
          observation({ id: 'o1', sessionId: 'anon' }),
          observation({ id: 'o2', sessionId: 'named', userId: 'u' }),
          observation({ id: 'o3', sessionId: 'named2', userId: 'u' }),
        ],
      });
      await store.refresh();
      expect(
        (await store.listSessions({ sort: 'userId', order: 'asc' })).items.map((r) => r.id),
      ).toEqual(['anon', 'named', 'named2']);
      expect((await store.getSessionStats()).uniqueUsers).toBe(1);
      expect((await store.getDashboard()).kpis.users).toBe(1);
    });
  });
}
