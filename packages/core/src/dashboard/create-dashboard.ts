import { createAnalyticsService } from '../analytics/create-analytics-service';
import { AnswerCache } from '../cache/answer-cache';
import { DashboardError } from '../errors/index';
import { LiveEvents } from '../events/live-events';
import { createLangfuseClient } from '../langfuse/client';
import { dashboardRoutes } from '../routes/dashboard-routes';
import { createSyncService } from '../sync/create-sync-service';
import { createScheduler } from '../sync/scheduler';
import type { Dashboard, DashboardOptions } from './types';

/**
 * Wires a store, the analytics and (optionally) a Langfuse client, sync service and scheduler
 * into a {@link Dashboard}, ready to mount with an adapter such as `dashboardRouter` from
 * `@cupid-dashboard/express`.
 *
 * @param options `store`; `preset` (default the store's); `langfuse` + `syncOptions`, or a ready
 *   `sync` (default none); `schedule` (default none); `now` (default `Date.now`, epoch ms);
 *   `closeStore` (default true); `cache` (default on: 1000 answers, 32 MiB; `false` for none);
 *   `events` (default on: 100 clients, 15 s heartbeats; `false` for none).
 *   Throws `DASHBOARD_CONFIG` for `schedule` without a sync or a bad cache limit.
 *   `close()` ends the live event streams, stops the scheduler and any run in progress (a triggered one too: it ends
 *   `SYNC_ABORTED` with its checkpoint saved and the lease released), then closes the store.
 * @example
 * const dashboard = createDashboard({
 *   store: await createSqliteStore({ path: 'cupid.db' }),
 *   langfuse: { publicKey: process.env.LANGFUSE_PUBLIC_KEY!, secretKey: process.env.LANGFUSE_SECRET_KEY! },
 *   schedule: { intervalSeconds: 300 },
 * });
 * app.use('/dashboard', dashboardRouter(dashboard));
 * process.once('SIGTERM', () => void dashboard.close());
 */
export function createDashboard(options: DashboardOptions): Dashboard {
  const { store } = options;
  const preset = options.preset ?? store.preset;
  const now = options.now ?? Date.now;
  const analytics = createAnalyticsService({ store, preset, now });
  const cache = options.cache === false ? null : new AnswerCache(options.cache);
  // An explicit `sync` (even null) wins over `langfuse`.
  const client =
    options.sync === undefined && options.langfuse ? createLangfuseClient(options.langfuse) : null;
  const sync =
    options.sync !== undefined
      ? options.sync
      : client && createSyncService({ now, ...options.syncOptions, client, store });
  if (options.schedule && sync === null) {
    throw new DashboardError(
      'DASHBOARD_CONFIG',
      'schedule needs langfuse options or a sync service',
    );
  }
  const scheduler = options.schedule && sync ? createScheduler(sync, options.schedule) : null;
  const events =
    options.events === false ? null : new LiveEvents({ store, sync, now }, options.events);
  scheduler?.start();
  let closing: Promise<void> | null = null;
  return {
    store,
    preset,
    analytics,
    client,
    sync,
    scheduler,
    routes: dashboardRoutes,
    now,
    cache,
    events,
    close() {
      closing ??= (async () => {
        // Streams end first: a client's reconnect then meets a closed door, not a closing store.
        events?.close();
        await scheduler?.stop({ abort: true });
        // A run started by a trigger is not the scheduler's: join it with an aborted signal so
        // it stops after its last committed page, saves its checkpoint and frees the lease
        // while the store is still open.
        if (sync?.isRunning) await sync.sync({ signal: AbortSignal.abort() });
        if (options.closeStore !== false) await store.close();
      })();
      return closing;
    },
  };
}
