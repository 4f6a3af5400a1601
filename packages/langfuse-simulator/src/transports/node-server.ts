import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of `sim.listen`. */
export interface ListenOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default `'127.0.0.1'`. */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:53124` — use it as the client's base URL. */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal,
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * Serves the handler over real HTTP on node:http. A dropped connection destroys the socket
 * without an answer.
 *
 * @example
 * const { url, close } = await sim.listen();
 * await fetch(`${url}/api/public/health`);
 * await close();
 */
export async function listenNode(
  handle: (request: Request) => Promise<Response>,
  { port = 0, host = '127.0.0.1' }: ListenOptions = {},
): Promise<RunningServer> {
  let origin = '';
  const server = createServer((req, res) => {
    const aborter = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborter.abort(new Error('client closed the connection'));
    });
    handle(toRequest(req, origin, aborter.signal))
      .then((response) => {
        if (response.type === 'error') req.socket.destroy();
        else return send(res, response);
      })
      .catch(() => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Internal Server Error' }));
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostText}:${address.port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
