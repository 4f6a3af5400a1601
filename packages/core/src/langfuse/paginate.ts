import { LangfuseError } from './errors';
import type { CursorPage, LegacyPage } from './types';

/**
 * Walks a legacy page/limit endpoint from `startPage` until the last page the totals announce,
 * yielding every page (an empty result still yields its one empty page). Stops with
 * `LANGFUSE_PAGINATION` instead of looping when a page contradicts the totals: a different page
 * number than asked, more rows than the limit, or no rows while more pages are promised.
 *
 * Requests: N records at limit L take `max(1, ceil(N / L))` requests.
 *
 * @example
 * for await (const page of paginateLegacy((n) => client.getTraces({ page: n, limit: 100 }), 1, path)) {}
 */
export async function* paginateLegacy<T>(
  fetchPage: (page: number) => Promise<LegacyPage<T>>,
  startPage: number,
  path: string,
): AsyncGenerator<LegacyPage<T>, void, undefined> {
  for (let page = startPage; ; page++) {
    const result = await fetchPage(page);
    const rows = result.data.length + result.invalid.length;
    const { meta } = result;
    const fail = (why: string) =>
      new LangfuseError(
        'LANGFUSE_PAGINATION',
        `Inconsistent paging from GET ${path} at page ${page}: ${why}.`,
        {
          method: 'GET',
          path,
        },
      );
    if (meta.page !== page) throw fail(`the server answered with page ${meta.page}`);
    if (rows > meta.limit) throw fail(`${rows} rows exceed the page limit ${meta.limit}`);
    if (rows === 0 && page < meta.totalPages) {
      throw fail(
        `the page is empty but the totals announce ${meta.totalPages} pages (${meta.totalItems} items)`,
      );
    }
    yield result;
    if (rows === 0 || page >= meta.totalPages) return;
  }
}

/**
 * Follows the v2 cursor from `startCursor` (undefined for the first page) until a page comes back
 * without one, yielding every page; `page.cursor` is the checkpoint to resume from. A cursor that
 * was already seen, or an empty page that still has a cursor, throws `LANGFUSE_PAGINATION` rather
 * than loop.
 *
 * Requests: N records at limit L take `ceil(N / L)` requests when the server omits the cursor on
 * the last page (one more, returning no rows, when N is a multiple of L and the server sends a
 * cursor after a full last page).
 *
 * @example
 * for await (const page of paginateCursor((cursor) => client.getObservationsV2({ cursor, limit: 1000 }), undefined, path)) {}
 */
export async function* paginateCursor<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  startCursor: string | undefined,
  path: string,
): AsyncGenerator<CursorPage<T>, void, undefined> {
  const seen = new Set<string>();
  if (startCursor) seen.add(startCursor);
  let cursor = startCursor;
  for (let pageNumber = 1; ; pageNumber++) {
    const result = await fetchPage(cursor);
    if (result.cursor !== null && seen.has(result.cursor)) {
      throw new LangfuseError(
        'LANGFUSE_PAGINATION',
        `GET ${path} returned a cursor it had already returned (page ${pageNumber} of this walk): the server's paging repeats, stopping instead of looping.`,
        { method: 'GET', path },
      );
    }
    // A cursor marks the last row of a page, so an empty page cannot have one; following it could
    // walk an endless chain of fresh, empty cursors.
    if (result.cursor !== null && result.data.length + result.invalid.length === 0) {
      throw new LangfuseError(
        'LANGFUSE_PAGINATION',
        `GET ${path} returned an empty page with a next cursor (page ${pageNumber} of this walk): stopping instead of following it.`,
        { method: 'GET', path },
      );
    }
    yield result;
    if (result.cursor === null) return;
    seen.add(result.cursor);
    cursor = result.cursor;
  }
}
