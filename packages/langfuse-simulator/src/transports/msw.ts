import { HttpResponse, http, type RequestHandler } from 'msw';

/**
 * msw handlers for every `${baseUrl}/api/public/*` request, driven by the simulator's handler.
 * A dropped connection becomes `HttpResponse.error()` (a network error for the client), and so
 * does a request the client aborted mid-way (a timeout during a `slow` fault): msw would otherwise
 * report the abort as an unhandled exception.
 *
 * @example
 * const server = setupServer(...sim.handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function createMswHandlers(
  baseUrl: string,
  handle: (request: Request) => Promise<Response>,
): RequestHandler[] {
  return [
    http.all(`${baseUrl}/api/public/*`, async ({ request }) => {
      try {
        const response = await handle(request);
        return response.type === 'error' ? HttpResponse.error() : response;
      } catch (error) {
        if (request.signal.aborted) return HttpResponse.error();
        throw error;
      }
    }),
  ];
}
