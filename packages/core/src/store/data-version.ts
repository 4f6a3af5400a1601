import type { EpochMs } from '../domain/records';

/**
 * An opaque token naming one state of a store's data. It changes whenever a write that may change
 * an answer commits (an upsert that stored a version, a rebuild, a sync state patch) and only
 * then, and every process sharing the database sees the same token for the same state. Compare
 * tokens for equality only: they have no order.
 *
 * @example
 * const before = await store.getDataVersion();
 * await store.upsert({ observations });
 * (await store.getDataVersion()) !== before; // true
 */
export type DataVersion = string;

/**
 * An answer read in one read transaction, with the data version and the freshness of the state
 * it was read from.
 *
 * @example
 * const { value, version, lastSuccessAt } = await store.readSnapshot((reads) => reads.getDashboard({ range }));
 */
export interface DataSnapshot<T> {
  value: T;
  /** The version of the data `value` was read from. */
  version: DataVersion;
  /** The sync state's `lastSuccessAt` in the same snapshot: the `X-Data-As-Of` time. */
  lastSuccessAt: EpochMs | null;
}
