import type { AnalyticsService } from '../analytics/types';
import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { AnyDashboardRoute } from '../routes/types';
import type { DashboardStore } from '../store/store';
import type { SyncService } from '../sync/sync-service';

/**
 * Options of {@link createDashboard}. Syncing from Langfuse is optional: without `sync` the
 * dashboard serves what the store holds (a read replica, a test, a demo).
 */
export interface DashboardOptions {
  store: DashboardStore;
  /** Default: the store's preset. */
  preset?: DashboardPreset;
  /** The sync service the trigger and status routes use. Default null (no syncing). */
  sync?: SyncService | null;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => EpochMs;
  /** Whether `close()` closes the store too. Default true. */
  closeStore?: boolean;
}

/**
 * Everything the REST layer and a host need, wired once: the store, the analytics read side,
 * the optional sync service and the route table.
 */
export interface Dashboard {
  readonly store: DashboardStore;
  readonly preset: DashboardPreset;
  readonly analytics: AnalyticsService;
  readonly sync: SyncService | null;
  readonly routes: readonly AnyDashboardRoute[];
  /** The clock the analytics use, epoch ms. */
  readonly now: () => EpochMs;
  /** Closes the store (unless `closeStore: false`). Idempotent. */
  close(): Promise<void>;
}
