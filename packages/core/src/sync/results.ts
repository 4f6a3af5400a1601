import type { EpochMs } from '../domain/records';
import type { SyncApiMode, SyncErrorInfo, SyncState } from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';
import type { SyncRunResult, SyncStatusReport } from './sync-service';
import type { SyncRunRecord } from './types';

const ZERO: EntityCounts = { sessions: 0, traces: 0, observations: 0, scores: 0 };

/** The `lastRun` a result persists as. */
export function runRecord(result: SyncRunResult): SyncRunRecord {
  return {
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    status: result.status,
    counts: result.counts,
    requests: result.requests,
    durationMs: result.durationMs,
    error: result.error,
    apiMode: result.apiMode,
    window: result.window ?? null,
    skipped: result.skipped,
    retryAt: result.retryAt,
    verification: result.verification ?? null,
    resumed: result.resumed ?? false,
  };
}

/** A result for a run that never started (e.g. the lease was held by another process). */
export function notStartedResult(input: {
  apiMode: SyncApiMode;
  at: EpochMs;
  error: SyncErrorInfo;
  leaseHeldBy: string | null;
}): SyncRunResult {
  return {
    status: 'error',
    apiMode: input.apiMode,
    startedAt: input.at,
    finishedAt: input.at,
    durationMs: 0,
    counts: { ...ZERO },
    requests: 0,
    skipped: { count: 0, ids: [] },
    error: input.error,
    retryAt: null,
    window: null,
    resumed: false,
    verification: null,
    leaseHeldBy: input.leaseHeldBy,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The status report: the persisted state, `running`, and the extras this service keeps in
 * `lastRun` (read leniently: another writer may have stored a plain `SyncRunInfo`).
 */
export function statusReport(state: SyncState, running: boolean): SyncStatusReport {
  const last: unknown = state.lastRun;
  const extra = isRecord(last) ? (last as Partial<SyncRunRecord>) : {};
  return {
    ...state,
    running,
    retryAt: state.status === 'rate_limited' ? (extra.retryAt ?? null) : null,
    skipped: extra.skipped ?? null,
    verification: extra.verification ?? null,
  };
}
