import type { FakeLangfuse } from './fake-client';

/**
 * A gate the fake's requests wait on, so a test can act while a run is mid-way.
 *
 * @example
 * const hold = gate();
 * fake.beforeAnswer = async (_request, n) => { if (n === 3) await hold.opened; };
 * hold.open();
 */
export function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * Holds the fake's request number `n` until `release()`; `reached` settles when it arrives.
 * Request 3 is sent (read ahead) only once page 1 is committed, so holding it catches a run
 * mid-way with progress saved.
 *
 * @example
 * const held = holdRequest(fake, 3);
 * sync.trigger();
 * await held.reached; // the run is in progress
 * held.release();
 */
export function holdRequest(fake: FakeLangfuse, n: number) {
  const hold = gate();
  const reached = gate();
  fake.beforeAnswer = async (_request, count) => {
    if (count === n) {
      reached.open();
      await hold.opened;
    }
  };
  return { reached: reached.opened, release: hold.open };
}
