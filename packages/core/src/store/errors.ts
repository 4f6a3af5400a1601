import { DashboardError, type DashboardErrorOptions, isDashboardError } from '../errors/index';

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

/**
 * True when `value` is a {@link StoreError} (from any copy of the package: it checks the SDK's
 * error brand and a `STORE_` code, not `instanceof`), and, when `code` is given, has that code.
 *
 * @param value anything caught
 * @param code optional: the code it must have
 * @example
 * try { await body(); } catch (error) {
 *   if (isStoreError(error)) throw error; // already a store failure: keep its code
 *   throw new StoreError('STORE_UNAVAILABLE', 'The store failed to answer', { cause: error });
 * }
 */
export function isStoreError(value: unknown, code?: StoreErrorCode): value is StoreError {
  return isDashboardError(value, code) && value.code.startsWith('STORE_');
}
