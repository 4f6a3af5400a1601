import type { EpochMs } from '../../domain/records';
import { checkLeaseArgs } from '../../store/lease-checks';
import {
  applySyncStatePatch,
  INITIAL_SYNC_STATE,
  type SyncLease,
  type SyncState,
  type SyncStatePatch,
} from '../../store/sync-state';

/**
 * Sync state and lease in memory. State goes through a JSON round trip on the way in and out, as
 * it would through a database column, so callers can neither alias it nor store what JSON drops.
 */
export class SyncStateCell {
  private state: SyncState = copy(INITIAL_SYNC_STATE);
  private lease: SyncLease | null = null;

  get(): SyncState {
    return copy(this.state);
  }

  save(patch: SyncStatePatch): SyncState {
    this.state = copy(applySyncStatePatch(this.state, patch));
    return this.get();
  }

  acquire(owner: string, ttlMs: number, now: EpochMs): boolean {
    checkLeaseArgs(owner, ttlMs, now);
    const current = this.lease;
    const heldByOwner = current !== null && current.owner === owner && current.expiresAt > now;
    if (current !== null && current.expiresAt > now && current.owner !== owner) return false;
    this.lease = {
      owner,
      acquiredAt: heldByOwner ? current.acquiredAt : now,
      expiresAt: now + ttlMs,
    };
    return true;
  }

  renew(owner: string, ttlMs: number, now: EpochMs): boolean {
    checkLeaseArgs(owner, ttlMs, now);
    const current = this.lease;
    if (current === null || current.owner !== owner || current.expiresAt <= now) return false;
    this.lease = { ...current, expiresAt: now + ttlMs };
    return true;
  }

  release(owner: string): void {
    if (this.lease?.owner === owner) this.lease = null;
  }

  getLease(): SyncLease | null {
    return this.lease === null ? null : { ...this.lease };
  }
}

function copy(state: SyncState): SyncState {
  return JSON.parse(JSON.stringify(state)) as SyncState;
}
