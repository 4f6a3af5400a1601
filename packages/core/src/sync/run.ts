import { isLangfuseError } from '../langfuse/errors';
import type { SyncApiMode, SyncProgress, SyncState } from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';
import { newCheckpoint, parseCheckpoint, type SyncCheckpoint } from './checkpoint';
import { errorInfo, rateLimitWaitMs, SyncError } from './errors';
import { LeaseKeeper } from './lease';
import type { ResolvedSyncOptions } from './options';
import { notStartedResult, runRecord } from './results';
import { RunContext } from './run-context';
import type { SyncRunResult } from './sync-service';
import type { SyncVerification } from './types';
import { verifyRun } from './verify';
import { walkLegacy } from './walk-legacy';
import { walkV2 } from './walk-v2';
import { runWindow } from './window';

const other = (mode: SyncApiMode): SyncApiMode => (mode === 'v2' ? 'legacy' : 'v2');

/** The modes to try, in order: one for a fixed mode; in `auto` the last one used, then the other. */
function modesToTry(options: ResolvedSyncOptions, state: SyncState, saved: SyncCheckpoint | null) {
  if (options.apiMode !== 'auto') return [options.apiMode];
  const first = saved?.mode ?? state.apiMode ?? 'v2';
  return [first, other(first)];
}

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
  let context: RunContext | null = null;
  let mode: SyncApiMode = options.apiMode === 'legacy' ? 'legacy' : 'v2';
  let resumed = false;
  let verification: SyncVerification | null = null;
  let failure: unknown = null;
  let state: SyncState | null = null;
  try {
    // Settle derived data a killed run may have left unrefreshed before reading anything.
    await store.refresh();
    state = await store.getSyncState();
    const before = (await store.counts()).records;
    const saved = parseCheckpoint(state.checkpoint);
    if (state.checkpoint !== null && saved === null) {
      logger?.warn('Discarding an unreadable sync checkpoint; starting a fresh window');
    }
    const modes = modesToTry(options, state, saved);
    const usable = saved && modes.includes(saved.mode) ? saved : null;
    const window =
      usable?.window ??
      runWindow({
        watermark: state.watermark,
        lookbackMs: options.lookbackMs,
        startFrom: options.startFrom,
        runStart: startedAt,
      });
    await store.saveSyncState({
      status: 'running',
      progress: { phase: 'starting', pages: 0, records: 0, updatedAt: startedAt },
      lastRun: {
        startedAt,
        finishedAt: null,
        status: 'running',
        counts: { sessions: 0, traces: 0, observations: 0 },
        requests: 0,
        durationMs: null,
        error: null,
      },
    });
    for (const [index, candidate] of modes.entries()) {
      mode = candidate;
      resumed = usable?.mode === candidate;
      const checkpoint = resumed && usable ? usable : newCheckpoint(candidate, window);
      context = new RunContext(options, checkpoint, controller.signal, emit);
      try {
        const storeWasEmpty = before.sessions + before.traces + before.observations === 0;
        if (candidate === 'v2') await walkV2(context, { resumed, storeWasEmpty });
        else await walkLegacy(context);
        break;
      } catch (error) {
        const fallback =
          isLangfuseError(error, 'LANGFUSE_NOT_FOUND') &&
          index < modes.length - 1 &&
          context.checkpoint.pages === 0;
        if (!fallback) throw error;
        logger?.warn(`Langfuse has no ${candidate} API here (404); trying ${other(candidate)}`);
      }
    }
    if (context) {
      const { fetched } = context.checkpoint;
      verification = verifyRun({
        fetched,
        sentHere: sentByThisProcess(context, resumed && usable ? usable.fetched : null),
        written: context.written,
        olderVersions: context.olderVersions,
        before,
        stored: (await store.counts()).records,
      });
      if (verification.ok) logger?.info(`Sync verified: ${verification.summary}`);
      else logger?.warn(`Sync verification found a gap: ${verification.summary}`);
    }
  } catch (error) {
    failure = controller.signal.aborted ? (controller.signal.reason ?? error) : error;
  } finally {
    callerSignal.removeEventListener('abort', onCallerAbort);
  }

  const finishedAt = now();
  const checkpoint = context?.checkpoint ?? null;
  const waitMs = failure === null ? null : rateLimitWaitMs(failure);
  const result: SyncRunResult = {
    status: failure === null ? 'success' : waitMs !== null ? 'rate_limited' : 'error',
    apiMode: mode,
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    counts: checkpoint ? { ...checkpoint.fetched } : { sessions: 0, traces: 0, observations: 0 },
    requests: client.stats.requests - requestsAtStart,
    skipped: checkpoint
      ? { count: checkpoint.skippedCount, ids: [...checkpoint.skippedIds] }
      : { count: 0, ids: [] },
    error: failure === null ? null : errorInfo(failure),
    retryAt: waitMs === null ? null : finishedAt + waitMs,
    window: checkpoint?.window ?? null,
    resumed,
    verification,
    leaseHeldBy: null,
  };
  // A run that lost its lease must not overwrite the state of the process that took it over.
  const leaseLost = failure instanceof SyncError && failure.code === 'SYNC_LEASE_LOST';
  if (!leaseLost) {
    await persistOutcome(options, result, checkpoint, state?.watermark ?? null).catch((error) =>
      logger?.warn('Could not save the sync status', { error: errorInfo(error) }),
    );
  }
  await lease.release().catch(() => undefined);
  logger?.info(`Sync ${result.status}`, {
    apiMode: result.apiMode,
    counts: result.counts,
    requests: result.requests,
    durationMs: result.durationMs,
    skipped: result.skipped.count,
    ...(result.error ? { error: result.error } : {}),
  });
  return result;
}

/** Records this process sent: the run's total minus what a resumed checkpoint already held. */
function sentByThisProcess(context: RunContext, resumedFrom: EntityCounts | null): EntityCounts {
  const total = context.checkpoint.fetched;
  if (!resumedFrom) return { ...total };
  return {
    sessions: total.sessions - resumedFrom.sessions,
    traces: total.traces - resumedFrom.traces,
    observations: total.observations - resumedFrom.observations,
  };
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
