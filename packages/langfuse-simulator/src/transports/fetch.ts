/** A fetch-compatible function. */
export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

/**
 * A fetch that answers in-process from the handler: no socket, no msw. A dropped connection
 * rejects with a `TypeError('fetch failed')`, as Node's fetch does.
 *
 * @example
 * const client = createLangfuseClient({ baseUrl: sim.baseUrl, fetch: sim.fetch, ... });
 */
export function createInProcessFetch(
  handle: (request: Request) => Promise<Response>,
): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    const response = await handle(request);
    if (response.type === 'error') {
      throw new TypeError('fetch failed', { cause: new Error('socket hang up (simulated)') });
    }
    return response;
  };
}
