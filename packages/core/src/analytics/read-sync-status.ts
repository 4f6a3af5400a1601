import type { DashboardStore } from '../store/store';
import type { SyncService } from '../sync/sync-service';
import { syncStatusToWire } from './map-sync';
import type { SyncStatusWire } from './wire/sync';

/**
 * The sync status as `GET /api/sync/status` and the live `sync` event show it: the sync
 * service's report (with `running`) when there is one, else the store's state alone.
 *
 * @example
 * const body = await readSyncStatus(dashboard.store, dashboard.sync);
 */
export async function readSyncStatus(
  store: DashboardStore,
  sync: SyncService | null,
): Promise<SyncStatusWire> {
  if (sync === null) return syncStatusToWire(await store.getSyncState(), false, false);
  const report = await sync.getStatus();
  return syncStatusToWire(report, report.running, true);
}
