import { isDashboardError } from '../errors/index';
import type { SyncProgress } from '../store/sync-state';
import type { SyncCheckpoint } from './checkpoint';
import { errorInfo, rateLimitWaitMs, SyncError } from './errors';
import { LeaseKeeper } from './lease';
import type { ResolvedSyncOptions, SyncLogger } from './options';
import { notStartedResult, runRecord } from './results';
import { type RunTrack, walkRun } from './run-walk';
import type { SyncRunResult } from './sync-service';

/**
 * One sync run, start to end: lease → plan (resume or a new window) → walk the pages of the
 * chosen API generation → verify → persist the outcome. Never rejects: failures become an
 * `error` or `rate_limited` result; the checkpoint stays so the next run resumes.
 *
 * @example
 * const result = await runSync(options, new AbortController().signal, emit);
 */
export async function runSync(
  options: ResolvedSyncOptions,
  callerSignal: AbortSignal,
  emit: (progress: SyncProgress) => void,
): Promise<SyncRunResult> {
  const { store, client, now, owner, logger } = options;
  const startedAt = now();
  const controller = new AbortController();
  const onCallerAbort = () =>
    controller.abort(new SyncError('SYNC_ABORTED', 'The sync was stopped by its caller'));
  if (callerSignal.aborted) onCallerAbort();
  else callerSignal.addEventListener('abort', onCallerAbort, { once: true });

  let lease: LeaseKeeper | null = null;
  try {
    lease = await LeaseKeeper.acquire(store, owner, options.leaseTtlMs, now, (error) =>
      controller.abort(error),
    );
  } catch (error) {
    return notStartedResult({
      apiMode: options.apiMode === 'legacy' ? 'legacy' : 'v2',
      at: startedAt,
      error: errorInfo(error),
      leaseHeldBy: null,
    });
  }
  if (!lease) {
    const holder = (await store.getLease().catch(() => null))?.owner ?? 'another process';
    logger?.info('Sync skipped: another process holds the sync lease', { holder });
    return notStartedResult({
      apiMode: options.apiMode === 'legacy' ? 'legacy' : 'v2',
      at: startedAt,
      error: { code: 'SYNC_LEASE_HELD', message: `Another process (${holder}) is syncing` },
      leaseHeldBy: holder,
    });
  }

  const requestsAtStart = client.stats.requests;
  const track: RunTrack = {
    context: null,
    mode: options.apiMode === 'legacy' ? 'legacy' : 'v2',
    resumed: false,
    previousWatermark: null,
    verification: null,
  };
  let failure: unknown = null;
  try {
    await walkRun(options, startedAt, controller.signal, emit, track);
  } catch (error) {
    failure = controller.signal.aborted ? (controller.signal.reason ?? error) : error;
  } finally {
    callerSignal.removeEventListener('abort', onCallerAbort);
  }

  const finishedAt = now();
  const checkpoint = track.context?.checkpoint ?? null;
  const waitMs = failure === null ? null : rateLimitWaitMs(failure);
  const result: SyncRunResult = {
    status: failure === null ? 'success' : waitMs !== null ? 'rate_limited' : 'error',
    apiMode: track.mode,
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    counts: checkpoint
      ? { ...checkpoint.fetched }
      : { sessions: 0, traces: 0, observations: 0, scores: 0 },
    requests: client.stats.requests - requestsAtStart,
    skipped: checkpoint
      ? { count: checkpoint.skippedCount, ids: [...checkpoint.skippedIds] }
      : { count: 0, ids: [] },
    error: failure === null ? null : errorInfo(failure),
    retryAt: waitMs === null ? null : finishedAt + waitMs,
    window: checkpoint?.window ?? null,
    resumed: track.resumed,
    verification: track.verification,
    leaseHeldBy: null,
  };
  // A run that lost its lease must not overwrite the state of the process that took it over.
  const leaseLost = isDashboardError(failure, 'SYNC_LEASE_LOST');
  if (!leaseLost) {
    await persistOutcome(options, result, checkpoint, track.previousWatermark).catch((error) =>
      logger?.warn('Could not save the sync status', { error: errorInfo(error) }),
    );
  }
  await lease.release().catch(() => undefined);
  logOutcome(logger, result);
  return result;
}

/**
 * One line per finished run, at a level an operator can alert on: a success at info, a rate
 * limit or a stop by the caller (both resume from the checkpoint) at warn, any other failure at
 * error (at warn for a logger without `error`).
 */
function logOutcome(logger: SyncLogger | undefined, result: SyncRunResult): void {
  if (!logger) return;
  const context = {
    apiMode: result.apiMode,
    counts: result.counts,
    requests: result.requests,
    durationMs: result.durationMs,
    skipped: result.skipped.count,
    ...(result.error ? { error: result.error } : {}),
  };
  const message = `Sync ${result.status}`;
  if (result.status === 'success') logger.info(message, context);
  else if (result.status === 'rate_limited' || result.error?.code === 'SYNC_ABORTED') {
    logger.warn(message, context);
  } else (logger.error ?? logger.warn).call(logger, message, context);
}

/** Saves the outcome: on success the new watermark and no checkpoint; else the kept checkpoint. */
async function persistOutcome(
  options: ResolvedSyncOptions,
  result: SyncRunResult,
  checkpoint: SyncCheckpoint | null,
  previousWatermark: number | null,
): Promise<void> {
  const lastRun = runRecord(result);
  if (result.status === 'success' && checkpoint) {
    const to = checkpoint.window.to;
    await options.store.saveSyncState({
      status: 'success',
      watermark: Math.max(previousWatermark ?? to, to),
      checkpoint: null,
      lastRun,
      lastSuccessAt: result.finishedAt,
      progress: null,
      apiMode: result.apiMode,
    });
  } else {
    await options.store.saveSyncState({ status: result.status, lastRun, progress: null });
  }
}
