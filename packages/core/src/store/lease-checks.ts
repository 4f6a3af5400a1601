import type { EpochMs } from '../domain/records';
import { StoreError } from './errors';

/**
 * Checks the arguments of `acquireLease` / `renewLease` the same way in every store.
 *
 * @param ttlMs how long the lease lasts, ms; must be positive and finite
 * @param now epoch ms; must be finite
 * @throws {StoreError} `STORE_INVALID_QUERY` for an empty owner, a non-positive or non-finite
 *   `ttlMs`, or a non-finite `now`
 * @example
 * checkLeaseArgs('instance-a', 30_000, Date.now()); // passes
 * checkLeaseArgs('', 30_000, Date.now()); // throws STORE_INVALID_QUERY
 */
export function checkLeaseArgs(owner: string, ttlMs: number, now: EpochMs): void {
  if (typeof owner !== 'string' || owner === '') {
    throw new StoreError('STORE_INVALID_QUERY', 'A lease owner must be a non-empty string');
  }
  if (!(Number.isFinite(ttlMs) && ttlMs > 0) || !Number.isFinite(now)) {
    throw new StoreError('STORE_INVALID_QUERY', 'A lease needs a positive ttlMs and a finite now');
  }
}
