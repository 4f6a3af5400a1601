/**
 * Iterates `source` while already requesting its next item: the next page downloads while the
 * current one is written, so a backfill takes about max(download, write) instead of their sum.
 * At most one item is held ahead. Leaving the loop early (break, throw) closes the source; a
 * failure of the item read ahead surfaces when the loop gets to it, never as an unhandled
 * rejection.
 *
 * @example
 * for await (const page of readAhead(client.paginateObservationsV2(params))) await save(page);
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T, void, undefined> {
  let pending: Promise<IteratorResult<T>> | null = source.next();
  try {
    while (pending) {
      const current: IteratorResult<T> = await pending;
      if (current.done) {
        pending = null;
        return;
      }
      pending = source.next();
      // Keep a failure of the read-ahead from being reported as unhandled while we are busy.
      pending.catch(() => undefined);
      yield current.value;
    }
  } finally {
    if (pending) {
      // Wait for the request in flight so the source can be closed cleanly.
      await pending.catch(() => undefined);
      await source.return?.();
    }
  }
}
