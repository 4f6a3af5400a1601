import type { LiveEvents } from '@cupid-dashboard/core';
import { Gauge, type Registry } from 'prom-client';

/**
 * Registers `<prefix>live_clients`: the clients connected to `GET /api/events` at the scrape, to
 * compare with the dashboard's `events.maxClients`.
 *
 * @example
 * if (dashboard.events) liveMetrics(registry, 'cupid_', dashboard.events);
 */
export function liveMetrics(registry: Registry, prefix: string, events: LiveEvents): void {
  new Gauge({
    name: `${prefix}live_clients`,
    help: 'Clients connected to the live event stream (GET /api/events)',
    registers: [registry],
    collect() {
      this.set(events.clients);
    },
  });
}
