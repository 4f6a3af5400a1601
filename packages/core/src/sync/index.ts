/**
 * Incremental, resumable, single-flight sync from Langfuse into a `DashboardStore`, and the
 * scheduler that runs it on an interval.
 *
 * @example
 * import { createScheduler, createSyncService } from '@cupid-dashboard/core';
 * const sync = createSyncService({ client, store });
 * const scheduler = createScheduler(sync, { intervalSeconds: 300 });
 * scheduler.start();
 * process.on('SIGTERM', () => void scheduler.stop({ abort: true }));
 */
export type { SyncCheckpoint } from './checkpoint';
export { createSyncService } from './create-sync-service';
export { derivedTraceVersion, deriveTraces } from './derive-traces';
export { SyncError, type SyncErrorCode } from './errors';
export {
  type ResolvedSyncOptions,
  resolveSyncOptions,
  type SyncApiModeOption,
  type SyncLogger,
  type SyncServiceOptions,
} from './options';
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler';
export type {
  SyncRunEvent,
  SyncRunResult,
  SyncService,
  SyncStatusReport,
  SyncTrigger,
} from './sync-service';
export type { SkippedRecords, SyncRunRecord, SyncVerification, SyncWindow } from './types';
export { SYNC_V2_FIELDS } from './walk-v2';
export { runWindow } from './window';
