import type { DataSnapshot } from '../store/data-version';
import { analyticsExports } from './exports';
import { analyticsQueries } from './queries';
import type {
  AnalyticsQueries,
  AnalyticsService,
  AnalyticsServiceOptions,
  AnalyticsSnapshotOptions,
} from './types';

/**
 * Creates the analytics service over a store. Every query reads the clock once, so a named range
 * and the session statuses in one answer agree.
 *
 * @param options `store`; `preset` (default `store.preset`); `now` (default `Date.now`, epoch ms)
 * @example
 * const analytics = createAnalyticsService({ store, now: () => Date.parse('2026-11-20T12:00:00Z') });
 * const { sessions, pagination } = await analytics.listSessions({ timeRange: '7d', status: 'active' });
 * const metrics = await analytics.getDashboardMetrics({ timeRange: '24h' });
 * metrics.kpis.sessions; // { value: 42, previous: 40, delta: 2, delta_pct: 5 }
 * // One answer, with the version and freshness of the data it was read from:
 * const { value, version, lastSuccessAt } = await analytics.snapshot((q) => q.listAgents({ timeRange: '7d' }));
 */
export function createAnalyticsService(options: AnalyticsServiceOptions): AnalyticsService {
  const { store } = options;
  const preset = options.preset ?? store.preset;
  const clock = options.now ?? Date.now;

  return {
    store,
    preset,
    ...analyticsQueries(store, preset, clock),
    ...analyticsExports(store, preset, clock),

    snapshot<T>(
      answer: (queries: AnalyticsQueries) => Promise<T>,
      snapshotOptions: AnalyticsSnapshotOptions = {},
    ): Promise<DataSnapshot<T>> {
      const { now } = snapshotOptions;
      const at = now === undefined ? clock : () => now;
      return store.readSnapshot((reads) => answer(analyticsQueries(reads, preset, at)));
    },

    getDataVersion: () => store.getDataVersion(),

    async getDataAsOf() {
      return (await store.getSyncState()).lastSuccessAt;
    },
  };
}
