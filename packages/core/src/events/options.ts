import { DashboardError } from '../errors/index';

/**
 * Options of the live event stream (`GET /api/events`), the `events` option of
 * `createDashboard`.
 *
 * @example
 * createDashboard({ store, events: { maxClients: 20, heartbeatMs: 30_000 } });
 */
export interface LiveEventsOptions {
  /** Connections served at once; the next one answers `503 EVENTS_FULL`. Default `100`. */
  maxClients?: number;
  /** Milliseconds between `heartbeat` events (and checks for writes by other processes). Default `15000`. */
  heartbeatMs?: number;
  /** Events kept for clients that reconnect with `Last-Event-ID`. Default `500`. */
  replay?: number;
  /** The reconnect delay the stream asks clients for (`retry:`), milliseconds. Default `3000`. */
  retryMs?: number;
  /** Events queued for one slow client before it is dropped. Default `1000`. */
  maxQueued?: number;
}

/** {@link LiveEventsOptions} with defaults applied. */
export type ResolvedLiveEventsOptions = Required<LiveEventsOptions>;

const DEFAULTS: ResolvedLiveEventsOptions = {
  maxClients: 100,
  heartbeatMs: 15_000,
  replay: 500,
  retryMs: 3_000,
  maxQueued: 1_000,
};

/**
 * Fills in defaults; throws `DASHBOARD_CONFIG` naming an option that is not a positive integer.
 *
 * @example
 * resolveLiveEventsOptions({ maxClients: 5 }).heartbeatMs; // 15000
 */
export function resolveLiveEventsOptions(
  options: LiveEventsOptions = {},
): ResolvedLiveEventsOptions {
  const resolved = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof LiveEventsOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) {
      throw new DashboardError(
        'DASHBOARD_CONFIG',
        `events.${key} must be a positive integer, got ${String(value)}`,
      );
    }
    resolved[key] = value;
  }
  return resolved;
}
