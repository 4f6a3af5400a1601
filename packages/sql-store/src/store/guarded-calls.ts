import { isDashboardError, StoreError } from '@cupid-dashboard/core';

/** How a store runs its methods: failures named for its engine, nothing after `close`. */
export interface GuardedCalls {
  /**
   * Runs `body`; a driver failure becomes `STORE_UNAVAILABLE`, a `DashboardError` (the store's
   * own, or one a snapshot's callback threw) passes through.
   */
  guard<T>(body: () => Promise<T>): Promise<T>;
  /** {@link guard}, after rejecting with `STORE_UNAVAILABLE` once the store is closed. */
  use<T>(body: () => Promise<T>): Promise<T>;
  /** Marks the store closed; true only the first time, when the caller releases its resources. */
  markClosed(): boolean;
}

/**
 * The {@link GuardedCalls} of one store.
 *
 * @param engine the engine's name as errors say it, e.g. `'SQLite'` or `'PostgreSQL'`
 */
export function guardedCalls(engine: string): GuardedCalls {
  let closed = false;
  const guard = async <T>(body: () => Promise<T>): Promise<T> => {
    try {
      return await body();
    } catch (error) {
      if (isDashboardError(error)) throw error;
      throw new StoreError('STORE_UNAVAILABLE', `The ${engine} store failed to answer`, {
        cause: error,
      });
    }
  };
  return {
    guard,
    use: async (body) => {
      if (closed) throw new StoreError('STORE_UNAVAILABLE', `The ${engine} store is closed`);
      return guard(body);
    },
    markClosed: () => {
      if (closed) return false;
      closed = true;
      return true;
    },
  };
}

/**
 * Awaits a store's connections; a failure becomes `STORE_UNAVAILABLE` (the driver's error as its
 * cause), so opening fails the way every later call does.
 *
 * @param engine the engine's name as the error says it, e.g. `'SQLite'`
 */
export async function openOrUnavailable<T>(engine: string, opening: Promise<T>): Promise<T> {
  try {
    return await opening;
  } catch (error) {
    throw new StoreError('STORE_UNAVAILABLE', `The ${engine} database could not be opened`, {
      cause: error,
    });
  }
}
