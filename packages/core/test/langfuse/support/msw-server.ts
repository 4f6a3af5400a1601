import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
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
