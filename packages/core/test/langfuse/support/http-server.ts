import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
