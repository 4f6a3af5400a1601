import type { SyncProgress, SyncState } from '../store/sync-state';
import { iso, isoOrNull } from './map-common';
import type { SyncStatusWire } from './wire/sync';

/** A run's progress on the wire: the status's `progress` and the live `progress` event. */
export function progressToWire(progress: SyncProgress): NonNullable<SyncStatusWire['progress']> {
  return {
    phase: progress.phase,
    pages: progress.pages,
    records: progress.records,
    updated_at: iso(progress.updatedAt),
  };
}

/**
 * The sync state on the wire. The resume checkpoint is left out: it is internal and may be large.
 *
 * @param running whether a run is in progress (the sync service knows; a store alone does not)
 * @param configured whether the dashboard has a sync service at all
 */
export function syncStatusToWire(
  state: SyncState,
  running: boolean,
  configured: boolean,
): SyncStatusWire {
  const run = state.lastRun;
  const progress = state.progress;
  return {
    configured,
    status: state.status,
    running,
    api_mode: state.apiMode,
    watermark: isoOrNull(state.watermark),
    last_success_at: isoOrNull(state.lastSuccessAt),
    last_run:
      run === null
        ? null
        : {
            started_at: iso(run.startedAt),
            finished_at: isoOrNull(run.finishedAt),
            status: run.status,
            counts: { ...run.counts },
            requests: run.requests,
            duration_ms: run.durationMs,
            error: run.error === null ? null : { code: run.error.code, message: run.error.message },
          },
    progress: progress === null ? null : progressToWire(progress),
  };
}
