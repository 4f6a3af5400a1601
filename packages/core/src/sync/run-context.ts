import type { InvalidRecord } from '../langfuse/types';
import type { SyncProgress } from '../store/sync-state';
import type { EntityCounts, UpsertBatch } from '../store/upsert';
import { checkpointJson, type SyncCheckpoint } from './checkpoint';
import { SyncError } from './errors';
import type { ResolvedSyncOptions } from './options';

const MAX_SKIPPED_IDS = 100;

function add(into: EntityCounts, from: EntityCounts): void {
  into.sessions += from.sessions;
  into.traces += from.traces;
  into.observations += from.observations;
  into.scores += from.scores;
}

/**
 * The state of one run in this process: its checkpoint, counters and the commit of a page.
 * Every page is committed in the same order, so a crash at any point leaves the store
 * consistent: upsert (atomic) → refresh of what it touched → checkpoint and progress. A page
 * upserted but not checkpointed is simply read again on resume.
 */
export class RunContext {
  readonly written: EntityCounts = { sessions: 0, traces: 0, observations: 0, scores: 0 };
  readonly olderVersions: EntityCounts = { sessions: 0, traces: 0, observations: 0, scores: 0 };

  constructor(
    readonly options: ResolvedSyncOptions,
    public checkpoint: SyncCheckpoint,
    readonly signal: AbortSignal,
    private readonly emit: (progress: SyncProgress) => void,
  ) {}

  /** Throws `SYNC_ABORTED` when the caller asked to stop (checked between pages). */
  throwIfAborted(): void {
    if (this.signal.aborted) {
      throw new SyncError('SYNC_ABORTED', 'The sync was stopped; it resumes from its checkpoint');
    }
  }

  /**
   * Writes one page and moves the checkpoint to `next` (the position after this page).
   * `invalid` are the page's malformed records: counted, never written.
   */
  async commitPage(
    phase: string,
    batch: UpsertBatch,
    invalid: readonly InvalidRecord[],
    next: Partial<SyncCheckpoint>,
  ): Promise<void> {
    const { store } = this.options;
    const result = await store.upsert(batch);
    await store.refresh(result.touched);
    add(this.written, result.written);
    add(this.olderVersions, result.skipped);
    const previous = this.checkpoint;
    const skippedIds = [...previous.skippedIds];
    for (const record of invalid) {
      if (record.id !== undefined && skippedIds.length < MAX_SKIPPED_IDS)
        skippedIds.push(record.id);
    }
    const fetched = { ...previous.fetched };
    add(fetched, {
      sessions: batch.sessions?.length ?? 0,
      traces: batch.traces?.length ?? 0,
      observations: batch.observations?.length ?? 0,
      scores: batch.scores?.length ?? 0,
    });
    this.checkpoint = {
      ...previous,
      ...next,
      pages: previous.pages + 1,
      fetched,
      skippedCount: previous.skippedCount + invalid.length,
      skippedIds,
    };
    const progress = this.progress(phase);
    await store.saveSyncState({ checkpoint: checkpointJson(this.checkpoint), progress });
    this.emit(progress);
  }

  /** Saves the checkpoint without a page (e.g. a finished phase), then reports progress. */
  async saveCheckpoint(phase: string, next: Partial<SyncCheckpoint>): Promise<void> {
    this.checkpoint = { ...this.checkpoint, ...next };
    const progress = this.progress(phase);
    await this.options.store.saveSyncState({
      checkpoint: checkpointJson(this.checkpoint),
      progress,
    });
    this.emit(progress);
  }

  progress(phase: string): SyncProgress {
    const { fetched, pages } = this.checkpoint;
    return {
      phase,
      pages,
      records: fetched.sessions + fetched.traces + fetched.observations + fetched.scores,
      updatedAt: this.options.now(),
    };
  }
}
