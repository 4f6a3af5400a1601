import type { DashboardStore } from '../store/store';
import { SyncError } from './errors';

/**
 * Holds the store's sync lease for one run: renews it every third of its lifetime and, if a
 * renewal fails (the lease expired and another owner took it), aborts the run through
 * `onLost` so two processes never write at once.
 *
 * @example
 * const lease = await LeaseKeeper.acquire(store, 'owner-1', 120_000, Date.now, (e) => controller.abort(e));
 * if (!lease) return; // someone else is syncing
 * try { await run(); } finally { await lease.release(); }
 */
export class LeaseKeeper {
  private timer: ReturnType<typeof setInterval> | null = null;

  private constructor(
    private readonly store: DashboardStore,
    private readonly owner: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly onLost: (error: SyncError) => void,
  ) {}

  /** Takes the lease, or resolves null when another owner holds an unexpired one. */
  static async acquire(
    store: DashboardStore,
    owner: string,
    ttlMs: number,
    now: () => number,
    onLost: (error: SyncError) => void,
  ): Promise<LeaseKeeper | null> {
    if (!(await store.acquireLease(owner, ttlMs, now()))) return null;
    const keeper = new LeaseKeeper(store, owner, ttlMs, now, onLost);
    keeper.timer = setInterval(() => void keeper.renew(), Math.max(1, Math.floor(ttlMs / 3)));
    keeper.timer.unref?.();
    return keeper;
  }

  private async renew(): Promise<void> {
    let held = false;
    try {
      held = await this.store.renewLease(this.owner, this.ttlMs, this.now());
    } catch {
      held = false;
    }
    if (!held && this.timer !== null) {
      this.stop();
      this.onLost(
        new SyncError('SYNC_LEASE_LOST', 'The sync lease was lost to another process; stopping'),
      );
    }
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops renewing and frees the lease (if still ours). */
  async release(): Promise<void> {
    this.stop();
    await this.store.releaseLease(this.owner);
  }
}
