import { DashboardError, type DashboardErrorOptions } from '../errors/index';

/** Stable codes of {@link StoreError}. */
export type StoreErrorCode =
  /** The store cannot answer: closed, database file gone, connection lost. */
  | 'STORE_UNAVAILABLE'
  /** A query parameter is out of its documented range (page < 1, limit > 200, ...). */
  | 'STORE_INVALID_QUERY'
  /** A record cannot be stored (missing id, non-finite time). */
  | 'STORE_INVALID_RECORD';

/**
 * An error a {@link DashboardStore} throws. Routes map `STORE_INVALID_QUERY` to 422 and
 * `STORE_UNAVAILABLE` to 503.
 *
 * @example
 * try { await store.ping(); } catch (error) {
 *   if (isDashboardError(error, 'STORE_UNAVAILABLE')) return unhealthy();
 * }
 */
export class StoreError extends DashboardError {
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options: DashboardErrorOptions = {}) {
    super(code, message, options);
  }
}
