import {
  INITIAL_SYNC_STATE,
  type SyncRunResult,
  type SyncService,
  type SyncStatusReport,
} from '@cupid-dashboard/core';

/** A SyncService stand-in: the first trigger starts a run that stays open until `finish()`. */
export function fakeSync(now: number) {
  let running = false;
  let finish: (result: SyncRunResult) => void = () => {};
  let run: Promise<SyncRunResult> = Promise.resolve(result('success'));
  function result(status: SyncRunResult['status']): SyncRunResult {
    return {
      status,
      apiMode: 'v2',
      startedAt: now,
      finishedAt: now + 1000,
      durationMs: 1000,
      counts: { sessions: 1, traces: 2, observations: 3, scores: 4 },
      requests: 4,
      skipped: { count: 0, ids: [] },
      error: null,
      retryAt: null,
    };
  }
  const service: SyncService & { triggers: number; finish(): void } = {
    triggers: 0,
    get isRunning() {
      return running;
    },
    trigger() {
      service.triggers += 1;
      if (running) return { started: false, run };
      running = true;
      run = new Promise((resolve) => {
        finish = resolve;
      });
      return { started: true, run };
    },
    async sync() {
      return service.trigger().run;
    },
    async getStatus(): Promise<SyncStatusReport> {
      return {
        ...INITIAL_SYNC_STATE,
        status: running ? 'running' : 'idle',
        progress: running
          ? { phase: 'observations', pages: 2, records: 150, updatedAt: now }
          : null,
        running,
      };
    },
    onProgress() {
      return () => {};
    },
    onRun() {
      return () => {};
    },
    finish() {
      running = false;
      finish(result('success'));
    },
  };
  return service;
}
