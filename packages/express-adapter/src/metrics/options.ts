import type { Registry } from 'prom-client';

/**
 * The `metrics` option of `dashboardRouter` in object form.
 *
 * @example
 * const registry = new Registry();
 * collectDefaultMetrics({ register: registry }); // the host's own process metrics, if wanted
 * dashboardRouter(dashboard, { metrics: { registry, prefix: 'dash_' } });
 */
export interface MetricsOptions {
  /**
   * The `prom-client` registry the dashboard's metrics are registered in and `GET /metrics`
   * renders; one registry per router (registering twice throws). Default: a new registry.
   */
  registry?: Registry;
  /** Prefix of every metric name. Default `'cupid_'`. */
  prefix?: string;
}
