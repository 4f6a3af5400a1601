import { createAnalyticsService } from '../analytics/create-analytics-service';
import { dashboardRoutes } from '../routes/dashboard-routes';
import type { Dashboard, DashboardOptions } from './types';

/**
 * Wires a store, an optional sync service and the analytics into a {@link Dashboard}, ready to
 * mount with an adapter such as `dashboardRouter` from `@cupid-dashboard/express`.
 *
 * @param options `store`; `preset` (default the store's); `sync` (default null);
 *   `now` (default `Date.now`, epoch ms); `closeStore` (default true)
 * @example
 * const dashboard = createDashboard({ store: createMemoryStore() });
 * app.use('/dashboard', dashboardRouter(dashboard));
 * // on shutdown
 * await dashboard.close();
 */
export function createDashboard(options: DashboardOptions): Dashboard {
  const { store } = options;
  const preset = options.preset ?? store.preset;
  const now = options.now ?? Date.now;
  const analytics = createAnalyticsService({ store, preset, now });
  let closing: Promise<void> | null = null;
  return {
    store,
    preset,
    analytics,
    sync: options.sync ?? null,
    routes: dashboardRoutes,
    now,
    close() {
      closing ??= options.closeStore === false ? Promise.resolve() : store.close();
      return closing;
    },
  };
}
