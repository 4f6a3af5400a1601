import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cupidPreset } from '../../../presets/cupid';
import type { DashboardStore } from '../../../store/store';
import { createMemoryStore } from '../../../stores/memory/create-memory-store';
import { assertSameAnswer, differences } from '../compare';
import { buildDataset, type ConformanceDataset, type ShapedDataset } from '../datasets';
import { loadInOrder, loadShuffled } from '../load';
import type { CreateConformanceStore } from '../open-store';
import { differentialQueries, statusProbeTimes } from '../queries';

/**
 * For each generated dataset: load it into the store under test the hard way (shuffled,
 * duplicated, stale versions, incremental refreshes) and into the reference the easy way, then
 * ask both every query and compare (see `differences` for the tolerances).
 */
export function datasetCases(
  createStore: CreateConformanceStore,
  datasets: readonly ConformanceDataset[],
  timeoutMs: number,
): void {
  for (const [index, spec] of datasets.entries()) {
    describe(`dataset: ${spec.name}`, () => {
      let shaped: ShapedDataset;
      let store: DashboardStore;
      let reference: DashboardStore;
      let probes: number[];

      beforeAll(async () => {
        shaped = buildDataset(spec);
        const context = { preset: cupidPreset, now: () => shaped.now };
        reference = createMemoryStore(context);
        await loadInOrder(reference, shaped.dataset);
        probes = await statusProbeTimes(reference, cupidPreset.inactivityTimeoutMs, shaped.now);
        store = await createStore(context);
        await loadShuffled(store, shaped.dataset, 1000 + index);
      }, timeoutMs);

      afterAll(async () => {
        await store?.close();
        await reference?.close();
      });

      it(
        'answers every query like the reference store',
        async () => {
          const failures: string[] = [];
          for (const query of differentialQueries(shaped.dataset, shaped.now, probes)) {
            const [actual, expected] = [await query.run(store), await query.run(reference)];
            const found = differences(actual, expected);
            if (found.length > 0)
              failures.push(`${query.label}:\n    ${found.slice(0, 5).join('\n    ')}`);
          }
          expect(failures, failures.slice(0, 8).join('\n')).toEqual([]);
        },
        timeoutMs,
      );

      it(
        'keeps its invariants',
        async () => {
          const now = shaped.now;
          const counts = await store.counts();
          const stats = await store.getSessionStats({ now });
          expect(stats.total).toBe(counts.derived.sessions);
          expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(stats.total);
          const funnel = stats.funnel.map((step) => step.sessions);
          expect(funnel).toEqual([...funnel].sort((a, b) => b - a));
          expect(stats.byStatus.completed).toBe(stats.funnel.at(-1)?.sessions);
          const byStatus = await Promise.all(
            (['completed', 'active', 'abandoned', 'error'] as const).map(
              async (status) => (await store.listSessions({ status, now, limit: 1 })).total,
            ),
          );
          expect(byStatus).toEqual([
            stats.byStatus.completed,
            stats.byStatus.active,
            stats.byStatus.abandoned,
            stats.byStatus.error,
          ]);
          const agents = await store.listAgents();
          expect(agents.reduce((sum, a) => sum + a.calls, 0)).toBe(counts.records.observations);
          const dashboard = await store.getDashboard({ now });
          expect(dashboard.kpis.observations).toBe(counts.records.observations);
          expect(dashboard.timeSeries.reduce((sum, p) => sum + p.observations, 0)).toBe(
            counts.records.observations,
          );
          for (const agent of agents) {
            const { p50Ms, p95Ms, p99Ms } = agent.latency;
            if (p50Ms !== null && p95Ms !== null && p99Ms !== null) {
              expect(p50Ms).toBeLessThanOrEqual(p95Ms);
              expect(p95Ms).toBeLessThanOrEqual(p99Ms);
            }
          }
        },
        timeoutMs,
      );

      it(
        'changes nothing when everything is delivered again and rebuilt',
        async () => {
          const before = await store.listSessions({ now: shaped.now, limit: 200, sort: 'cost' });
          await loadInOrder(store, shaped.dataset);
          await store.refresh('all');
          assertSameAnswer(
            'listSessions after re-delivery',
            await store.listSessions({ now: shaped.now, limit: 200, sort: 'cost' }),
            before,
          );
          assertSameAnswer(
            'counts after re-delivery',
            await store.counts(),
            await reference.counts(),
          );
        },
        timeoutMs,
      );
    });
  }
}
