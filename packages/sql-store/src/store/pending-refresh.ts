import {
  countTouched,
  type RefreshResult,
  type TouchedKeys,
  TouchedSet,
} from '@cupid-dashboard/core';

/**
 * A SQL store's `refresh`: its upserts keep derived data current as they commit, so
 * `refresh(touched)` only reports the keys (those passed, else every upsert's since the last
 * refresh), and `refresh('all')` rebuilds.
 */
export class PendingRefresh {
  private pending = new TouchedSet();

  /** Remembers what an upsert touched, for a `refresh()` without keys. */
  add(touched: TouchedKeys): void {
    this.pending.addAll(touched);
  }

  /** Answers `refresh(touched)`; `rebuild` runs for `'all'`. */
  async refresh(
    touched: TouchedKeys | 'all' | undefined,
    rebuild: () => Promise<RefreshResult>,
  ): Promise<RefreshResult> {
    const keys = touched === 'all' || touched !== undefined ? touched : this.pending.toKeys();
    this.pending = new TouchedSet();
    return keys === 'all' ? rebuild() : countTouched(keys);
  }
}
