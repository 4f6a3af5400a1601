import type { SyncService } from './sync-service';

/**
 * Options of {@link createScheduler}.
 *
 * @example
 * const options: SchedulerOptions = { intervalSeconds: 120, runOnStart: false };
 */
export interface SchedulerOptions {
  /** Seconds from the start of one run to the start of the next. Default `300` (the seed's). */
  intervalSeconds?: number;
  /** Run at once on `start()` rather than after the first interval. Default `true`. */
  runOnStart?: boolean;
}

/** Runs a sync on an interval; see {@link createScheduler}. */
export interface Scheduler {
  /** Starts the interval (idempotent). */
  start(): void;
  /**
   * Stops the interval and resolves once no run of this scheduler is in progress: it waits for the
   * current run, or with `abort: true` stops it after its last committed page (it resumes from
   * its checkpoint next time).
   */
  stop(options?: { abort?: boolean }): Promise<void>;
  /** True while a run this scheduler started is in progress. */
  readonly running: boolean;
  /** True between `start()` and `stop()`. */
  readonly started: boolean;
}

/**
 * Runs `sync.sync()` every `intervalSeconds`, never two at once: the next run is timed from the
 * start of the previous one and only scheduled once it has finished (a run longer than the
 * interval is followed at once by the next). After a `rate_limited` run the next one waits at
 * least until its `retryAt`. Timers are unref'd, so a scheduler alone does not keep Node alive.
 *
 * @example
 * const scheduler = createScheduler(syncService, { intervalSeconds: 300 });
 * scheduler.start();
 * process.once('SIGTERM', async () => { await scheduler.stop({ abort: true }); process.exit(0); });
 */
export function createScheduler(sync: SyncService, options: SchedulerOptions = {}): Scheduler {
  const intervalSeconds = options.intervalSeconds ?? 300;
  if (!(Number.isFinite(intervalSeconds) && intervalSeconds > 0)) {
    throw new RangeError('createScheduler: intervalSeconds must be a positive number of seconds');
  }
  const intervalMs = intervalSeconds * 1000;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: { done: Promise<unknown>; controller: AbortController } | null = null;

  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, Math.max(0, delayMs));
    timer.unref?.();
  };

  function tick(): void {
    timer = null;
    if (!started || current) return;
    const controller = new AbortController();
    const startedAt = Date.now();
    const done = sync
      .sync({ signal: controller.signal })
      .then(
        (result) => result,
        () => null, // sync() never rejects; a broken service must not stop the interval
      )
      .then((result) => {
        current = null;
        if (!started) return;
        let delayMs = intervalMs - (Date.now() - startedAt);
        // A spent quota: trying again before Langfuse said it may succeed only burns requests.
        if (result?.status === 'rate_limited' && result.retryAt) {
          delayMs = Math.max(delayMs, result.retryAt - Date.now());
        }
        schedule(delayMs);
      });
    current = { done, controller };
  }

  return {
    start() {
      if (started) return;
      started = true;
      if (options.runOnStart ?? true) tick();
      else schedule(intervalMs);
    },
    async stop(stopOptions = {}) {
      started = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const running = current;
      if (!running) return;
      if (stopOptions.abort) running.controller.abort();
      await running.done;
    },
    get running() {
      return current !== null;
    },
    get started() {
      return started;
    },
  };
}
