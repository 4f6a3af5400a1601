import type { SyncService } from '@cupid-dashboard/core';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Sync run durations from a second to an hour, in seconds. */
const RUN_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

/**
 * Registers `<prefix>sync_runs_total` and `<prefix>sync_run_duration_seconds` (label `outcome`:
 * `success`, `error`, `rate_limited`) and `<prefix>sync_records_total` (label `kind`: records
 * written by kind), fed by the sync service's finished runs of this process.
 *
 * @example
 * if (dashboard.sync) syncMetrics(registry, 'cupid_', dashboard.sync);
 */
export function syncMetrics(registry: Registry, prefix: string, sync: SyncService): void {
  const runs = new Counter({
    name: `${prefix}sync_runs_total`,
    help: 'Finished sync runs of this process, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: `${prefix}sync_run_duration_seconds`,
    help: 'Duration of finished sync runs, seconds, by outcome',
    labelNames: ['outcome'] as const,
    buckets: RUN_BUCKETS,
    registers: [registry],
  });
  const records = new Counter({
    name: `${prefix}sync_records_total`,
    help: 'Records fetched from Langfuse and written by sync runs, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  sync.onRun((event) => {
    if (event.type !== 'finished') return;
    const { status, durationMs, counts } = event.result;
    runs.inc({ outcome: status });
    durations.observe({ outcome: status }, durationMs / 1000);
    for (const [kind, count] of Object.entries(counts)) records.inc({ kind }, count);
  });
}
