import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, cupidPreset, type DashboardPreset } from '../../src/index';
import { MINUTE, observation, T0 } from '../../src/testing/index';

describe('createMemoryStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults to the Cupid preset and the system clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0 + 10 * MINUTE);
    const store = createMemoryStore();
    expect(store.preset).toBe(cupidPreset);
    await store.upsert({
      observations: [observation({ id: 'o', sessionId: 's', name: 'Mortal', startTime: T0 })],
    });
    expect((await store.getSession({ id: 's' }))?.status).toBe('active');
    vi.setSystemTime(T0 + 30 * MINUTE);
    expect((await store.getSession({ id: 's' }))?.status).toBe('abandoned');
  });

  it('applies a custom preset to chapters, categories and completion', async () => {
    const preset: DashboardPreset = {
      name: 'support',
      agentCategories: { Answer: 'content' },
      chapterNames: { 0: 'Triage', 1: 'Answer' },
      agentChapters: { Router: 0, Answer: 1 },
      chapterMetadataKey: 'step',
      completedAtChapter: 1,
      inactivityTimeoutMs: MINUTE,
    };
    const store = createMemoryStore({ preset, now: () => T0 });
    await store.upsert({
      observations: [
        observation({ id: 'a', sessionId: 's1', name: 'Answer', startTime: T0 }),
        observation({
          id: 'b',
          sessionId: 's2',
          name: 'Router',
          metadata: { step: 0 },
          startTime: T0,
        }),
      ],
    });
    expect((await store.getSession({ id: 's1' }))?.status).toBe('completed');
    expect(await store.getSession({ id: 's2' })).toMatchObject({
      chapterName: 'Triage',
      status: 'active',
    });
    expect((await store.listAgents()).map((a) => [a.name, a.category])).toEqual([
      ['Answer', 'content'],
      ['Router', 'other'],
    ]);
    expect((await store.getSessionStats()).funnel.map((step) => step.name)).toEqual([
      'Triage',
      'Answer',
    ]);
  });

  it('reports on refresh what was written since the last one', async () => {
    const store = createMemoryStore({ now: () => T0 });
    await store.upsert({
      observations: [observation({ id: 'o1', sessionId: 's', name: 'Mortal', model: 'm' })],
    });
    await store.upsert({
      observations: [
        observation({ id: 'o2', sessionId: 's', name: 'Match', startTime: T0 + 90 * MINUTE }),
      ],
    });
    expect(await store.refresh()).toEqual({
      sessions: 1,
      traces: 0,
      agents: 2,
      models: 1,
      hourBuckets: 2,
    });
    expect(await store.refresh()).toEqual({
      sessions: 0,
      traces: 0,
      agents: 0,
      models: 0,
      hourBuckets: 0,
    });
    expect(await store.refresh('all')).toEqual({
      sessions: 1,
      traces: 0,
      agents: 2,
      models: 1,
      hourBuckets: 2,
    });
  });

  it('touches the old and the new hour when an observation moves in time', async () => {
    const store = createMemoryStore({ now: () => T0 });
    await store.upsert({ observations: [observation({ id: 'o', startTime: T0 + 5 * MINUTE })] });
    const { touched } = await store.upsert({
      observations: [observation({ id: 'o', startTime: T0 + 65 * MINUTE })],
    });
    expect([...touched.hourBuckets].sort()).toEqual([T0, T0 + 60 * MINUTE]);
  });

  it('does not let callers change stored records through their own objects', async () => {
    const store = createMemoryStore({ now: () => T0 });
    const record = observation({ id: 'o', sessionId: 's', totalCost: 1 });
    await store.upsert({ observations: [record] });
    record.totalCost = 100;
    expect((await store.getSession({ id: 's' }))?.cost).toBe(1);
  });
});
