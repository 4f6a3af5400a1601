import type { LangfuseClient, LangfuseClientStats } from '@cupid-dashboard/core';
import { Counter, type Registry } from 'prom-client';

const COUNTERS: ReadonlyArray<[keyof LangfuseClientStats, string, string]> = [
  ['requests', 'langfuse_requests_total', 'HTTP requests sent to Langfuse, retries included'],
  ['retries', 'langfuse_retries_total', 'Requests to Langfuse that were retries'],
  ['rateLimited', 'langfuse_rate_limited_total', 'Langfuse answers with status 429'],
  ['failures', 'langfuse_failures_total', 'Langfuse calls that failed after their retries'],
];

/**
 * Registers `<prefix>langfuse_requests_total`, `…_retries_total`, `…_rate_limited_total` (429s)
 * and `…_failures_total`, read from the client's own counters at each scrape, so core's HTTP
 * transport needs no hook and no metrics library.
 *
 * @example
 * if (dashboard.client) langfuseMetrics(registry, 'cupid_', dashboard.client);
 */
export function langfuseMetrics(registry: Registry, prefix: string, client: LangfuseClient): void {
  for (const [stat, name, help] of COUNTERS) {
    let seen = 0;
    new Counter({
      name: `${prefix}${name}`,
      help,
      registers: [registry],
      collect() {
        // The client's counters only grow; add what grew since the last scrape.
        const value = client.stats[stat];
        this.inc(value - seen);
        seen = value;
      },
    });
  }
}
