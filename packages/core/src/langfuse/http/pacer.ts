import { sleep } from './sleep';

/** Spaces request starts; see {@link createPacer}. */
export interface Pacer {
  /** Resolves when the next request may start; rejects if `signal` aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * A pacer that lets one request start every `60000 / requestsPerMinute` ms. Any 60-second window
 * then holds at most `requestsPerMinute` starts, which keeps a fixed-window server limit of that
 * size from ever triggering. Slots are reserved synchronously, so concurrent callers queue in
 * call order. Without `requestsPerMinute` it never waits.
 *
 * @example
 * const pacer = createPacer(30); // one start every 2000 ms
 * await pacer.acquire();
 */
export function createPacer(
  requestsPerMinute: number | undefined,
  now: () => number = Date.now,
): Pacer {
  if (!requestsPerMinute) return { acquire: async () => {} };
  const intervalMs = 60_000 / requestsPerMinute;
  let nextStartMs = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      const current = now();
      const startMs = Math.max(current, nextStartMs);
      nextStartMs = startMs + intervalMs;
      const waitMs = Math.ceil(startMs - current);
      if (waitMs > 0) await sleep(waitMs, signal);
    },
  };
}
