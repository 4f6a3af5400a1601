/**
 * One record of a page that failed validation. It is left out of `data`; the rest of the page is
 * kept.
 */
export interface InvalidRecord {
  /** Position of the record in the page's `data` array, from 0. */
  index: number;
  /** The record's `id` when it had a string one. */
  id?: string;
  /** What was wrong, one line per problem, e.g. `startTime: Invalid ISO datetime`. */
  issues: string;
}

/** What `onInvalidRecord` receives: the skipped record and where it came from. */
export interface InvalidRecordReport extends InvalidRecord {
  /** The endpoint path, e.g. `/api/public/v2/observations`. */
  path: string;
}

/** Paging totals of the legacy (v1) list endpoints. */
export interface LegacyPageMeta {
  /** The page number, from 1. */
  page: number;
  /** Records per page (max 100). */
  limit: number;
  /** Records matching the filters across all pages. */
  totalItems: number;
  /** Pages at this limit. */
  totalPages: number;
}

/**
 * One page of a legacy list endpoint.
 *
 * @example
 * const { data, meta, invalid } = await client.getTraces({ page: 2, limit: 100 });
 */
export interface LegacyPage<T> {
  /** The records that passed validation, in server order. */
  data: T[];
  meta: LegacyPageMeta;
  /** Records that failed validation and were skipped. */
  invalid: InvalidRecord[];
}

/**
 * One page of the v2 observations endpoint.
 *
 * @example
 * const page = await client.getObservationsV2({ limit: 1000, fields: ['core', 'basic', 'usage'] });
 * if (page.cursor) await client.getObservationsV2({ limit: 1000, cursor: page.cursor });
 */
export interface CursorPage<T> {
  data: T[];
  /** The cursor of the next page; `null` when this was the last one. */
  cursor: string | null;
  invalid: InvalidRecord[];
}

/**
 * What the client has sent so far.
 *
 * @example
 * const { requests, retries } = client.stats;
 */
export interface LangfuseClientStats {
  /** HTTP requests actually sent, retries included. */
  requests: number;
  /** Requests that were a retry of an earlier attempt. */
  retries: number;
  /** Responses with status 429. */
  rateLimited: number;
  /** Client calls that ended in an error (one per failed call, not per attempt). */
  failures: number;
}
