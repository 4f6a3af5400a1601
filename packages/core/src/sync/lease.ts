import type { DashboardStore } from '../store/store';
import { SyncError } from './errors';

/** How long to wait before the one retry of a renewal that threw, in ms (capped by ttl / 10). */
const RENEW_RETRY_DELAY_MS = 1_000;

/**
 * Holds the store's sync lease for one run: renews it every third of its lifetime and, if the
 * lease is lost, aborts the run through `onLost` so two processes never write at once.
 *
 * A renewal that answers `false` (another owner took the lease) is lost at once. A renewal that
 * throws (a transient store error such as a busy database) is retried once, after
 * `min(1000, ttlMs / 10)` ms, before the lease counts as lost. Renewals are chained timers, so
 * a slow one never overlaps the next; the timers are unref'd and keep no process alive.
 *
 * @example
 * const lease = await LeaseKeeper.acquire(store, 'owner-1', 120_000, Date.now, (e) => controller.abort(e));
 * if (!lease) return; // someone else is syncing
 * try { await run(); } finally { await lease.release(); }
 */
export class LeaseKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

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
    keeper.wait(Math.max(1, Math.floor(ttlMs / 3)), () => keeper.renew());
    return keeper;
  }

  private wait(ms: number, then: () => Promise<void>): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void then();
    }, ms);
    this.timer.unref?.();
  }

  /** 'held', 'taken' (the store said another owner holds it) or 'failed' (it threw). */
  private async attempt(): Promise<'held' | 'taken' | 'failed'> {
    try {
      return (await this.store.renewLease(this.owner, this.ttlMs, this.now())) ? 'held' : 'taken';
    } catch {
      return 'failed';
    }
  }

  private async renew(retried = false): Promise<void> {
    const outcome = await this.attempt();
    if (this.stopped) return;
    if (outcome === 'held') {
      this.wait(Math.max(1, Math.floor(this.ttlMs / 3)), () => this.renew());
    } else if (outcome === 'failed' && !retried) {
      this.wait(Math.max(1, Math.min(RENEW_RETRY_DELAY_MS, Math.floor(this.ttlMs / 10))), () =>
        this.renew(true),
      );
    } else {
      this.stop();
      this.onLost(
        new SyncError(
          'SYNC_LEASE_LOST',
          outcome === 'taken'
            ? 'The sync lease was lost to another process; stopping'
            : 'The sync lease could not be renewed; stopping',
        ),
      );
    }
  }

  private stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops renewing and frees the lease (if still ours). */
  async release(): Promise<void> {
    this.stop();
    await this.store.releaseLease(this.owner);
  }
}
