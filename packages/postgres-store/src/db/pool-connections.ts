import type { Pool } from 'pg';

/** A pool's open connections, counted so that ending the pool can wait for the last to close. */
export interface PoolConnections {
  /** Resolves once every connection the pool opened has closed (at once when none is open). */
  closed(): Promise<void>;
}

/**
 * Counts the connections of `pool` from now on. `pool.end()` resolves as soon as the pool has let
 * go of its clients, before their sockets have closed: a server stopped right after it would
 * terminate those connections, and an idle client's error would reach a pool that no longer
 * listens. Waiting for `closed()` after `end()` leaves nothing open behind.
 */
export function countConnections(pool: Pool): PoolConnections {
  let open = 0;
  let waiters: (() => void)[] = [];
  pool.on('connect', () => {
    open += 1;
  });
  pool.on('remove', () => {
    open -= 1;
    if (open > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  });
  return {
    closed: () =>
      open <= 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
  };
}
