import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { FakeLangfuse } from './fake-langfuse';

/** The origin msw answers for; nothing listens there. */
export const MSW_BASE_URL = 'https://langfuse.test';

/**
 * An msw server whose every request under {@link MSW_BASE_URL} goes to the current fake.
 * `'hang'` waits until the request is aborted (or forever).
 */
export function createMswServer(getFake: () => FakeLangfuse) {
  return setupServer(
    http.all(`${MSW_BASE_URL}/*`, async ({ request }) => {
      const answer = getFake().handle(new URL(request.url), request.headers.get('authorization'));
      if (answer === 'drop') return HttpResponse.error();
      if (answer === 'hang') {
        await new Promise<void>((resolve) =>
          request.signal.addEventListener('abort', () => resolve()),
        );
        return HttpResponse.error();
      }
      return HttpResponse.json(answer.body ?? null, {
        status: answer.status,
        headers: answer.headers ?? {},
      });
    }),
  );
}

/**
 * Starts an msw server for the whole test file, answering from the current fake, and registers
 * the file's hooks: listen before all tests (an unhandled request fails the test), real timers
 * again after each test (several tests switch to fake timers), close after all tests.
 * Call it once at the top level of a test file.
 *
 * @example
 * let fake: FakeLangfuse = createFakeLangfuse();
 * useMswServer(() => fake);
 * it('reads a page', async () => {
 *   fake = createFakeLangfuse({ sessions: 1 });
 *   await mswClient().getSessions();
 * });
 */
export function useMswServer(getFake: () => FakeLangfuse) {
  const server = createMswServer(getFake);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => vi.useRealTimers());
  afterAll(() => server.close());
  return server;
}
