import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Request durations up to a minute, in seconds (streams and exports run longer; see `+Inf`). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Times each request to a dashboard route; see {@link httpMetrics}. */
export type RequestTimer = (route: string) => RequestHandler;

/**
 * Registers `<prefix>http_requests_total` and `<prefix>http_request_duration_seconds` (labels
 * `method`, `route`, `status`) and returns a middleware factory that observes a request when its
 * response finishes or its client goes away. `route` is the route's template
 * (`/api/agents/:agent_name`), never the concrete path, so the label set stays bounded.
 *
 * @example
 * const timer = httpMetrics(registry, 'cupid_');
 * router.get('/api/sessions', timer('/api/sessions'), handler);
 */
export function httpMetrics(registry: Registry, prefix: string): RequestTimer {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests to the dashboard, by method, route template and status',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'Time from the request to the end of its response (streams: until they close), seconds',
    labelNames,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return (route) => (req, res, next) => {
    const started = process.hrtime.bigint();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      const labels = { method: req.method, route, status: String(res.statusCode) };
      requests.inc(labels);
      durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}
