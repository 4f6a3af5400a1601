import type { RouteLogger } from './types';

/**
 * Reads a streamed body's first chunk now, so a failure before any output (a bad query the
 * store rejects, a store that is down) still becomes an ordinary error answer, and returns the
 * whole stream again. A failure after the first chunk is logged here, since the status has been
 * sent by then, and rethrown so the adapter aborts the response instead of ending it cleanly.
 *
 * @example
 * const body = await primeStream(result.stream, console); // rejects if the first read fails
 */
export async function primeStream<T>(
  stream: AsyncIterable<T>,
  logger: RouteLogger,
): Promise<AsyncIterable<T>> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* rest() {
    if (first.done) return;
    yield first.value;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    } catch (error) {
      logger.error('A streamed response failed after it had started', error);
      throw error;
    } finally {
      await iterator.return?.();
    }
  })();
}
