import { positiveInt } from '../http/query';

/** Legacy page size bounds: default 50, at most 100 (more is a 400). */
export const LEGACY_DEFAULT_LIMIT = 50;
export const LEGACY_MAX_LIMIT = 100;

/** `page` (from 1) and `limit` of the legacy list endpoints. */
export const legacyPaging = {
  page: positiveInt.default(1),
  limit: positiveInt.max(LEGACY_MAX_LIMIT).default(LEGACY_DEFAULT_LIMIT),
};

export type LegacyPagingInput = { page: number; limit: number };

/** The legacy `utilsMetaResponse`. */
export interface LegacyMeta {
  page: number;
  limit: number;
  totalItems: number;
  totalPages: number;
}

/** The slice `[offset, offset + limit)` a page covers, and its meta. */
export function legacyPage(paging: LegacyPagingInput, totalItems: number) {
  const offset = (paging.page - 1) * paging.limit;
  const meta: LegacyMeta = {
    page: paging.page,
    limit: paging.limit,
    totalItems,
    totalPages: Math.ceil(totalItems / paging.limit),
  };
  return { offset, end: Math.min(totalItems, offset + paging.limit), meta };
}

/** Collects the matching items of `[start, end)` of `items`, counting all and keeping one page. */
export function filteredPage<T>(
  items: readonly T[],
  range: { start: number; end: number },
  matches: ((item: T) => boolean) | null,
  paging: LegacyPagingInput,
): { page: T[]; meta: LegacyMeta } {
  if (matches === null) {
    // Only a time range: the count is the range length, the page a direct slice.
    const total = range.end - range.start;
    const { offset, end, meta } = legacyPage(paging, total);
    return { page: items.slice(range.start + offset, range.start + end), meta };
  }
  const offset = (paging.page - 1) * paging.limit;
  const page: T[] = [];
  let total = 0;
  for (let index = range.start; index < range.end; index++) {
    const item = items[index] as T;
    if (!matches(item)) continue;
    if (total >= offset && page.length < paging.limit) page.push(item);
    total += 1;
  }
  return { page, meta: legacyPage(paging, total).meta };
}
