import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { FakeLangfuse } from './fake-langfuse';

/**
 * A real HTTP server on 127.0.0.1 (random port) serving the fake. `'drop'` destroys the socket
 * without an answer; `'hang'` never answers. `close()` ends every connection, hung ones included.
 */
export async function startHttpServer(
  getFake: () => FakeLangfuse,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = getFake().handle(url, req.headers.authorization ?? null);
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.body ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts a real HTTP server (see {@link startHttpServer}) before the test file's tests and closes
 * it after them. Call it once at the top level of a test file; `baseUrl` is readable inside tests.
 *
 * @example
 * let fake: FakeLangfuse = createFakeLangfuse();
 * const server = useHttpServer(() => fake);
 * it('connects', async () => {
 *   await createLangfuseClient({ publicKey, secretKey, baseUrl: server.baseUrl }).getSessions();
 * });
 */
export function useHttpServer(getFake: () => FakeLangfuse): { readonly baseUrl: string } {
  let started: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  beforeAll(async () => {
    started = await startHttpServer(getFake);
  });
  afterAll(() => started?.close());
  return {
    get baseUrl() {
      // Only tests (which run after beforeAll) may ask; earlier is a mistake in the test file.
      if (!started) throw new Error('the HTTP server starts before the first test');
      return started.baseUrl;
    },
  };
}
