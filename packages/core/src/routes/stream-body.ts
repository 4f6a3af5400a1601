import type { RouteLogger } from './types';

/**
 * Reads a streamed body's first chunk now, so a failure before any output (a bad query the
 * store rejects, a store that is down) still becomes an ordinary error answer, and returns the
 * whole stream again. A failure after the first chunk is logged here, since the status has been
 * sent by then, and rethrown so the adapter aborts the response instead of ending it cleanly.
 *
 * The returned iterator forwards `return()` to the source at once, even while a read is pending:
 * a client that goes away must stop a stream that waits for its next chunk (a live event stream
 * can wait a long time), which an async generator would only do after that chunk arrived.
 *
 * @example
 * const body = await primeStream(result.stream, console); // rejects if the first read fails
 */
export async function primeStream<T>(
  stream: AsyncIterable<T>,
  logger: RouteLogger,
): Promise<AsyncIterable<T>> {
  const iterator = stream[Symbol.asyncIterator]();
  let primed: IteratorResult<T> | null = await iterator.next();
  const primedStream: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => primedStream,
    async next() {
      if (primed !== null) {
        const first = primed;
        primed = null;
        return first;
      }
      try {
        return await iterator.next();
      } catch (error) {
        logger.error('A streamed response failed after it had started', error);
        throw error;
      }
    },
    async return(value?: unknown) {
      primed = null;
      await iterator.return?.();
      return { done: true, value: value as T };
    },
  };
  return primedStream;
}
