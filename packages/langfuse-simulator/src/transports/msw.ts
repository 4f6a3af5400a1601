import { HttpResponse, http, type RequestHandler } from 'msw';

/**
 * msw handlers for every `${baseUrl}/api/public/*` request, driven by the simulator's handler.
 * A dropped connection becomes `HttpResponse.error()` (a network error for the client).
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
      const response = await handle(request);
      return response.type === 'error' ? HttpResponse.error() : response;
    }),
  ];
}
