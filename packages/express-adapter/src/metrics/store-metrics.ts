import type { Dashboard, RouteLogger, StoreCounts } from '@cupid-dashboard/core';
import { Gauge, type Registry } from 'prom-client';

/**
 * Registers gauges read from the store at each scrape:
 * - `<prefix>data_lag_seconds`: now − the sync watermark (everything that started before the
 *   watermark is synced); `+Inf` until the first successful run, so a staleness alert fires;
 * - `<prefix>store_records{kind}`: stored raw records; `<prefix>store_derived{kind}`: sessions,
 *   traces, agents and models the queries see;
 * - `<prefix>sync_running`: 1 while this process runs a sync.
 * The row counts are recounted only when the store's data version changed since the last
 * scrape, so scraping a large, idle store costs one version read. A store that fails leaves the
 * gauges as they were and logs why, so the scrape still answers.
 *
 * @example
 * storeMetrics(registry, 'cupid_', dashboard, console);
 */
export function storeMetrics(
  registry: Registry,
  prefix: string,
  dashboard: Dashboard,
  logger: RouteLogger,
): void {
  const { store } = dashboard;
  new Gauge({
    name: `${prefix}data_lag_seconds`,
    help: 'Seconds between now and the sync watermark; +Inf before the first successful sync',
    registers: [registry],
    async collect() {
      const state = await store.getSyncState().catch((error: unknown) => {
        logger.error('Metrics: reading the sync state failed', error);
        return undefined;
      });
      if (state === undefined) return;
      const { watermark } = state;
      this.set(watermark === null ? Infinity : (dashboard.now() - watermark) / 1000);
    },
  });
  let counted: { version: string; counts: StoreCounts } | null = null;
  const counts = async (): Promise<StoreCounts | null> => {
    try {
      const version = await store.getDataVersion();
      if (counted?.version !== version) counted = { version, counts: await store.counts() };
      return counted.counts;
    } catch (error) {
      logger.error('Metrics: counting the stored rows failed', error);
      return counted?.counts ?? null;
    }
  };
  const rows: [name: string, part: keyof StoreCounts, help: string][] = [
    ['store_records', 'records', 'Raw records in the store, by kind'],
    [
      'store_derived',
      'derived',
      'Derived rows the queries see (sessions, traces, agents, models), by kind',
    ],
  ];
  for (const [name, part, help] of rows) {
    new Gauge({
      name: `${prefix}${name}`,
      help,
      labelNames: ['kind'] as const,
      registers: [registry],
      async collect() {
        const current = await counts();
        for (const [kind, n] of Object.entries(current?.[part] ?? {})) this.set({ kind }, n);
      },
    });
  }
  new Gauge({
    name: `${prefix}sync_running`,
    help: '1 while this process runs a sync, else 0',
    registers: [registry],
    collect() {
      this.set(dashboard.sync?.isRunning ? 1 : 0);
    },
  });
}
