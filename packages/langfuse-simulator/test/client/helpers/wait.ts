import { setImmediate as nextTurn, setTimeout as realDelay } from 'node:timers/promises';

/**
 * Waits, in real event-loop turns, until `condition` holds. For fake-timer tests over real
 * sockets: `vi.waitFor` would advance the fake clock, and a fake `setTimeout` never fires on its
 * own, but `setImmediate` stays real and lets socket I/O complete in between.
 *
 * @param limitMs real milliseconds before giving up (default 5000), measured with `performance`,
 *   which the tests do not fake.
 * @example
 * await untilReal(() => logger.calls.length > 0);
 */
export async function untilReal(condition: () => boolean, limitMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limitMs) {
      throw new Error(`condition still false after ${limitMs} ms of real time`);
    }
    await nextTurn();
  }
}

/**
 * Lets `ms` real milliseconds pass (node:timers/promises is not faked): room for a request that
 * must not be sent to show up anyway.
 *
 * @example
 * await realPause(50);
 * expect(sim.requests).toHaveLength(1);
 */
export async function realPause(ms = 50): Promise<void> {
  await realDelay(ms);
}
