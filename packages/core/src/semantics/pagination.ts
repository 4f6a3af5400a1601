import { QUERY_BOUNDS } from '../store/bounds';

/** Default and bounds of list pagination (from `QUERY_BOUNDS`). */
export const PAGE_LIMIT_DEFAULT = QUERY_BOUNDS.limit.default;
export const PAGE_LIMIT_MAX = QUERY_BOUNDS.limit.max;

/** A validated page request. */
export interface ResolvedPage {
  page: number;
  limit: number;
  /** Rows to skip: `(page - 1) * limit`. */
  offset: number;
}

/**
 * Applies the defaults (page 1, limit 50) and checks the bounds; null when a value is not a
 * positive integer or limit exceeds 200 (stores turn that into `STORE_INVALID_QUERY`).
 *
 * @example
 * resolvePage({ page: 3, limit: 20 }); // { page: 3, limit: 20, offset: 40 }
 * resolvePage({ limit: 500 }); // null
 */
export function resolvePage(params: { page?: number; limit?: number }): ResolvedPage | null {
  const page = params.page ?? QUERY_BOUNDS.page.default;
  const limit = params.limit ?? PAGE_LIMIT_DEFAULT;
  if (!Number.isSafeInteger(page) || page < 1) return null;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > PAGE_LIMIT_MAX) return null;
  return { page, limit, offset: (page - 1) * limit };
}

/**
 * Pages needed for `total` rows: `ceil(total / limit)`.
 *
 * @example
 * totalPages(101, 50); // 3
 */
export function totalPages(total: number, limit: number): number {
  return Math.ceil(total / limit);
}
