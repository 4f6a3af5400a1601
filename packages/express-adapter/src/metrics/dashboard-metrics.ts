import type { Dashboard, MetricsSource, RouteLogger } from '@cupid-dashboard/core';
import { Registry } from 'prom-client';
import { httpMetrics, type RequestTimer } from './http-metrics';
import { langfuseMetrics } from './langfuse-metrics';
import { liveMetrics } from './live-metrics';
import type { MetricsOptions } from './options';
import { storeMetrics } from './store-metrics';
import { syncMetrics } from './sync-metrics';

/** What the router needs from the metrics: the source `GET /metrics` renders, and the request timer. */
export interface DashboardMetrics {
  source: MetricsSource;
  timer: RequestTimer;
}

/**
 * Registers every dashboard metric in one `prom-client` registry. Core only reports (the sync
 * service's `onRun`, the Langfuse client's `stats`, the store's counts); this module owns the
 * metrics library, so core stays free of it and of any transport.
 *
 * @example
 * const metrics = dashboardMetrics(dashboard, { prefix: 'cupid_' }, console);
 * await metrics.source.render(); // '# HELP cupid_http_requests_total ...'
 */
export function dashboardMetrics(
  dashboard: Dashboard,
  options: MetricsOptions,
  logger: RouteLogger,
): DashboardMetrics {
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? 'cupid_';
  const timer = httpMetrics(registry, prefix);
  if (dashboard.sync) syncMetrics(registry, prefix, dashboard.sync);
  if (dashboard.client) langfuseMetrics(registry, prefix, dashboard.client);
  if (dashboard.events) liveMetrics(registry, prefix, dashboard.events);
  storeMetrics(registry, prefix, dashboard, logger);
  return {
    timer,
    source: { contentType: registry.contentType, render: () => registry.metrics() },
  };
}
