import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, type SyncRunResult, type SyncService } from '../../src/index';

/** A SyncService whose runs finish when the test says so, recording overlaps. */
function scriptedSync() {
  const runs: { signal?: AbortSignal; finish: (result?: Partial<SyncRunResult>) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const sync: SyncService = {
    sync: (options) =>
      new Promise<SyncRunResult>((resolve) => {
        active++;
        maxActive = Math.max(maxActive, active);
        const finish = (result: Partial<SyncRunResult> = {}) => {
          active--;
          resolve({ status: 'success', ...result } as SyncRunResult);
        };
        runs.push({ ...(options?.signal ? { signal: options.signal } : {}), finish });
        options?.signal?.addEventListener('abort', () => finish(), { once: true });
      }),
    trigger: () => {
      throw new Error('unused');
    },
    getStatus: () => Promise.reject(new Error('unused')),
    onProgress: () => () => undefined,
    onRun: () => () => undefined,
    isRunning: false,
  };
  return { sync, runs, maxActive: () => maxActive };
}

describe('createScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs on start and then every interval, timed from each run start', async () => {
    const { sync, runs } = scriptedSync();
    const scheduler = createScheduler(sync, { intervalSeconds: 300 });
    scheduler.start();
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100_000);
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(199_999);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    await scheduler.stop({ abort: true });
  });

  it('never overlaps: a run longer than the interval is followed by the next only when it ends', async () => {
    const { sync, runs, maxActive } = scriptedSync();
    const scheduler = createScheduler(sync, { intervalSeconds: 60 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(1);
    expect(scheduler.running).toBe(true);
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2); // overdue: starts at once
    expect(maxActive()).toBe(1);
    await scheduler.stop({ abort: true });
  });

  it('waits for the run in progress on stop(), and starts nothing afterwards', async () => {
    const { sync, runs } = scriptedSync();
    const scheduler = createScheduler(sync, { intervalSeconds: 10, runOnStart: false });
    scheduler.start();
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    expect(runs[0]?.signal?.aborted).toBe(false);
    runs[0]?.finish();
    await stopping;
    expect(scheduler.running).toBe(false);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(runs).toHaveLength(1);
  });

  it('aborts the run in progress on stop({ abort: true })', async () => {
    const { sync, runs } = scriptedSync();
    const scheduler = createScheduler(sync);
    scheduler.start();
    await scheduler.stop({ abort: true });
    expect(runs[0]?.signal?.aborted).toBe(true);
    expect(scheduler.started).toBe(false);
  });

  it('after a rate_limited run, waits until its retryAt when that is later than the interval', async () => {
    const { sync, runs } = scriptedSync();
    const scheduler = createScheduler(sync, { intervalSeconds: 60 });
    scheduler.start();
    runs[0]?.finish({ status: 'rate_limited', retryAt: Date.now() + 600_000 });
    await vi.advanceTimersByTimeAsync(599_999);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    await scheduler.stop({ abort: true });
  });

  it('rejects a non-positive interval', () => {
    expect(() => createScheduler(scriptedSync().sync, { intervalSeconds: 0 })).toThrow(RangeError);
  });
});
