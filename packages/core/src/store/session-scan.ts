import type { SessionListParams, SessionRow, SessionSortKey } from './sessions';

/**
 * A position in a sorted session list: the sort value and id of the last row read. The list is
 * ordered by `(value, id)`, so the rows after a position are exactly those not yet read, however
 * many rows were written before it meanwhile (keyset pagination, no offset).
 *
 * @example
 * const cursor: SessionCursor = { value: 0.42, id: 'session-17' }; // after sorting by cost
 */
export interface SessionCursor {
  /** The row's value of the sort key (`tokens.total` for `totalTokens`); null sorts lowest. */
  value: string | number | null;
  id: string;
}

/**
 * Session scan query: the filters and sort of {@link SessionListParams}, read in batches from a
 * position instead of pages. Pass each batch's `next` as the following `after`.
 *
 * @example
 * let after: SessionCursor | undefined;
 * do {
 *   const batch = await store.scanSessions({ status: 'completed', sort: 'cost', after, limit: 500, now });
 *   after = batch.next ?? undefined;
 * } while (after);
 */
export interface SessionScanParams extends Omit<SessionListParams, 'page' | 'limit'> {
  /** Start after this row; absent: from the first. */
  after?: SessionCursor;
  /** Rows per batch, 1–{@link SESSION_SCAN_LIMIT_MAX}, default {@link SESSION_SCAN_LIMIT_DEFAULT}. */
  limit?: number;
}

/** One batch of a session scan. */
export interface SessionBatch {
  /** At most `limit` rows, in the scan's order. */
  items: SessionRow[];
  /** Where the next batch starts; null when this batch holds the last matching row. */
  next: SessionCursor | null;
}

/** Default rows per scan batch. */
export const SESSION_SCAN_LIMIT_DEFAULT = 500;
/** Most rows per scan batch. */
export const SESSION_SCAN_LIMIT_MAX = 1000;

/** The value a row is sorted by under `sort`. */
export function sessionSortValue(row: SessionRow, sort: SessionSortKey): string | number | null {
  return sort === 'totalTokens' ? row.tokens.total : row[sort];
}

/**
 * The position of `row` under `sort`, for {@link SessionBatch.next}.
 *
 * @example
 * sessionCursorOf(row, 'cost'); // { value: row.cost, id: row.id }
 */
export function sessionCursorOf(row: SessionRow, sort: SessionSortKey): SessionCursor {
  return { value: sessionSortValue(row, sort), id: row.id };
}

/**
 * A scan's batch from the rows read for it: up to `limit + 1` rows in scan order, one more than
 * asked so that its presence tells another batch follows (`next` is then the last item's position).
 *
 * @example
 * sessionBatchOf(rows, 100, 'cost'); // { items: rows.slice(0, 100), next: … or null }
 */
export function sessionBatchOf(
  read: readonly SessionRow[],
  limit: number,
  sort: SessionSortKey,
): SessionBatch {
  const items = read.slice(0, limit);
  const last = items.at(-1);
  return { items, next: read.length > limit && last ? sessionCursorOf(last, sort) : null };
}
