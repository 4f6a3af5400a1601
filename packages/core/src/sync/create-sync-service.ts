import { errorInfo } from './errors';
import { ListenerHub } from './listeners';
import { resolveSyncOptions, type SyncServiceOptions } from './options';
import { ProgressHub } from './progress';
import { notStartedResult, statusReport } from './results';
import { runSync } from './run';
import type { SyncRunEvent, SyncRunResult, SyncService, SyncStatusReport } from './sync-service';

/**
 * Creates the sync from Langfuse into a store (see `SyncService`).
 *
 * Each run reads the fixed window `[max(startFrom, watermark − lookbackMs), runStart)` — the
 * first run everything up to now — newest first, and upserts by id, so late and changed records
 * are re-read and nothing is duplicated. In v2 mode it reads only observations (1000 per request)
 * and derives traces and sessions from them; in legacy mode it reads sessions, traces and
 * observations (100 per request), each filtered to the window. Every page is committed as:
 * upsert → refresh of the derived data it touched → checkpoint; a stopped or killed run resumes
 * from its checkpoint with the same window. On success the watermark moves to `runStart`.
 *
 * Single flight: in this process a second `sync()`/`trigger()` joins the running one; across
 * processes the store's lease admits one at a time (the others return `SYNC_LEASE_HELD`).
 *
 * @param options see {@link SyncServiceOptions}; throws `SYNC_CONFIG` when invalid
 * @example
 * const sync = createSyncService({ client: createLangfuseClient({ publicKey, secretKey }), store });
 * sync.onProgress((p) => console.log(`${p.phase}: ${p.pages} pages, ${p.records} records`));
 * const result = await sync.sync();
 * if (result.status === 'rate_limited') console.log('retry at', new Date(result.retryAt!));
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const resolved = resolveSyncOptions(options);
  const hub = new ProgressHub();
  if (resolved.onProgress) hub.add(resolved.onProgress);
  const runs = new ListenerHub<SyncRunEvent>();
  let current: { promise: Promise<SyncRunResult>; controller: AbortController } | null = null;

  const start = (): { promise: Promise<SyncRunResult>; controller: AbortController } => {
    const controller = new AbortController();
    const at = resolved.now();
    const promise = runSync(resolved, controller.signal, (progress) => hub.emit(progress))
      .catch((error: unknown) =>
        // runSync settles every failure itself; this only guards the promise contract.
        notStartedResult({
          apiMode: resolved.apiMode === 'legacy' ? 'legacy' : 'v2',
          at: resolved.now(),
          error: errorInfo(error),
          leaseHeldBy: null,
        }),
      )
      .then((result) => {
        current = null;
        runs.emit({ type: 'finished', result });
        return result;
      });
    current = { promise, controller };
    runs.emit({ type: 'started', at });
    return current;
  };

  const join = (signal?: AbortSignal): { started: boolean; run: Promise<SyncRunResult> } => {
    const started = current === null;
    const flight = current ?? start();
    if (signal) {
      const abort = () => flight.controller.abort();
      if (signal.aborted) abort();
      else {
        signal.addEventListener('abort', abort, { once: true });
        void flight.promise.finally(() => signal.removeEventListener('abort', abort));
      }
    }
    return { started, run: flight.promise };
  };

  return {
    sync: (syncOptions) => join(syncOptions?.signal).run,
    trigger: () => join(),
    async getStatus(): Promise<SyncStatusReport> {
      const state = await resolved.store.getSyncState();
      let running = current !== null;
      if (!running) {
        const lease = await resolved.store.getLease();
        running = lease !== null && lease.expiresAt > resolved.now();
      }
      return statusReport(state, running);
    },
    onProgress: (listener) => hub.add(listener),
    onRun: (listener) => runs.add(listener),
    get isRunning() {
      return current !== null;
    },
  };
}
