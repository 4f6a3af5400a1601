import { describe, expect, it } from 'vitest';
import type { AgentSummary, DashboardStore, ObservationRecord } from '../../src/index';
import { createMemoryStore, cupidPreset } from '../../src/index';
import {
  buildDataset,
  differences,
  differentialQueries,
  loadInOrder,
  loadShuffled,
  statusProbeTimes,
} from '../../src/testing/index';

// The suite is only worth something if it fails wrong stores: these mutants must be caught.
// Each case loads the dataset and asks every query more than once: minutes on a loaded machine.

const shaped = buildDataset({
  name: 'detect',
  shape: 'full',
  options: { seed: 5, sessions: 40, days: 5, lateUpdates: 0.2 },
});
const context = { preset: cupidPreset, now: () => shaped.now };

async function failingQueries(store: DashboardStore): Promise<string[]> {
  const reference = createMemoryStore(context);
  await loadInOrder(reference, shaped.dataset);
  const probes = await statusProbeTimes(reference, cupidPreset.inactivityTimeoutMs, shaped.now);
  const failing: string[] = [];
  for (const query of differentialQueries(shaped.dataset, shaped.now, probes)) {
    if (differences(await query.run(store), await query.run(reference)).length > 0)
      failing.push(query.label);
  }
  return failing;
}

function withAgents(
  store: DashboardStore,
  change: (agent: AgentSummary) => AgentSummary,
): DashboardStore {
  return { ...store, listAgents: async (params) => (await store.listAgents(params)).map(change) };
}

describe('the differential checks', () => {
  it('pass the memory store loaded the hard way', async () => {
    const store = createMemoryStore(context);
    await loadShuffled(store, shaped.dataset, 1);
    expect(await failingQueries(store)).toEqual([]);
  }, 120_000);

  it('catch a store that ignores updatedAt (stale versions win)', async () => {
    const inner = createMemoryStore(context);
    const careless: DashboardStore = {
      ...inner,
      upsert: (batch) =>
        inner.upsert({
          ...batch,
          observations: batch.observations?.map((o: ObservationRecord) => ({
            ...o,
            updatedAt: null,
          })),
        }),
    };
    await loadShuffled(careless, shaped.dataset, 1);
    const failing = await failingQueries(careless);
    expect(failing.some((label) => label.startsWith('getSessionStats'))).toBe(true);
  }, 120_000);

  it('catch a cost off by 0.1% but accept percentiles within the 1% sketch bound', async () => {
    const store = createMemoryStore(context);
    await loadInOrder(store, shaped.dataset);
    const costly = withAgents(store, (agent) => ({ ...agent, cost: agent.cost * 1.001 }));
    expect(await failingQueries(costly)).toContain('listAgents range all');
    const sketched = withAgents(store, (agent) => ({
      ...agent,
      latency: {
        ...agent.latency,
        p95Ms: agent.latency.p95Ms === null ? null : agent.latency.p95Ms * 1.009,
      },
    }));
    expect(await failingQueries(sketched)).toEqual([]);
    const wrong = withAgents(store, (agent) => ({
      ...agent,
      latency: {
        ...agent.latency,
        p95Ms: agent.latency.p95Ms === null ? null : agent.latency.p95Ms * 1.05 + 1,
      },
    }));
    expect(await failingQueries(wrong)).toContain('listAgents range all');
  }, 120_000);

  it('catch a status judged at the wrong time', async () => {
    const store = createMemoryStore(context);
    await loadInOrder(store, shaped.dataset);
    const late: DashboardStore = {
      ...store,
      listSessions: (params) =>
        store.listSessions({ ...params, now: (params?.now ?? shaped.now) + 1 }),
    };
    expect(await failingQueries(late)).toContain('listSessions status active at probe 0');
  }, 120_000);
});
