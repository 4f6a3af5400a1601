import { isLangfuseError } from '../langfuse/errors';
import type { SyncApiMode, SyncProgress, SyncState } from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';
import { newCheckpoint, parseCheckpoint, type SyncCheckpoint } from './checkpoint';
import type { ResolvedSyncOptions } from './options';
import { RunContext } from './run-context';
import type { SyncVerification } from './types';
import { verifyRun } from './verify';
import { walkLegacy } from './walk-legacy';
import { walkV2 } from './walk-v2';
import { runWindow } from './window';

/** What a run has done so far; filled in as it goes, so a failure still knows where it stood. */
export interface RunTrack {
  context: RunContext | null;
  mode: SyncApiMode;
  resumed: boolean;
  previousWatermark: number | null;
  verification: SyncVerification | null;
}

const other = (mode: SyncApiMode): SyncApiMode => (mode === 'v2' ? 'legacy' : 'v2');

/** The modes to try, in order: one for a fixed mode; in `auto` the last one used, then the other. */
function modesToTry(options: ResolvedSyncOptions, state: SyncState, saved: SyncCheckpoint | null) {
  if (options.apiMode !== 'auto') return [options.apiMode];
  const first = saved?.mode ?? state.apiMode ?? 'v2';
  return [first, other(first)];
}

/**
 * The body of a run, under the lease: settle derived data, resume the checkpoint or plan a new
 * window, mark the state running, walk the pages of the chosen API generation (in `auto`,
 * falling back to the other one on a 404 before any page), then verify. Throws on failure;
 * `track` says how far it got.
 *
 * @example
 * const track: RunTrack = { context: null, mode: 'v2', resumed: false, previousWatermark: null, verification: null };
 * await walkRun(options, Date.now(), signal, emit, track);
 */
export async function walkRun(
  options: ResolvedSyncOptions,
  startedAt: number,
  signal: AbortSignal,
  emit: (progress: SyncProgress) => void,
  track: RunTrack,
): Promise<void> {
  const { store, logger } = options;
  // Settle derived data a killed run may have left unrefreshed before reading anything.
  await store.refresh();
  const state = await store.getSyncState();
  track.previousWatermark = state.watermark;
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
      counts: { sessions: 0, traces: 0, observations: 0, scores: 0 },
      requests: 0,
      durationMs: null,
      error: null,
    },
  });
  for (const [index, candidate] of modes.entries()) {
    track.mode = candidate;
    track.resumed = usable?.mode === candidate;
    const checkpoint = track.resumed && usable ? usable : newCheckpoint(candidate, window);
    const context = new RunContext(options, checkpoint, signal, emit);
    track.context = context;
    try {
      const storeWasEmpty = before.sessions + before.traces + before.observations === 0;
      if (candidate === 'v2') await walkV2(context, { resumed: track.resumed, storeWasEmpty });
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
  const { context } = track;
  if (context) {
    const { fetched } = context.checkpoint;
    track.verification = verifyRun({
      fetched,
      sentHere: sentByThisProcess(context, track.resumed && usable ? usable.fetched : null),
      written: context.written,
      olderVersions: context.olderVersions,
      before,
      stored: (await store.counts()).records,
    });
    const { ok, summary } = track.verification;
    if (ok) logger?.info(`Sync verified: ${summary}`);
    else logger?.warn(`Sync verification found a gap: ${summary}`);
  }
}

/** Records this process sent: the run's total minus what a resumed checkpoint already held. */
function sentByThisProcess(context: RunContext, resumedFrom: EntityCounts | null): EntityCounts {
  const total = context.checkpoint.fetched;
  if (!resumedFrom) return { ...total };
  return {
    sessions: total.sessions - resumedFrom.sessions,
    traces: total.traces - resumedFrom.traces,
    observations: total.observations - resumedFrom.observations,
    scores: total.scores - resumedFrom.scores,
  };
}
