import { setupServer } from 'msw/node';
import type { LangfuseSimulator } from '../../../src/index';

/** Where a client reaches a simulator, and how to stop reaching it. */
export interface Connection {
  /** The client's `baseUrl`. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Connects a simulator to the client's (global) fetch in one way. */
export type Transport = (sim: LangfuseSimulator) => Promise<Connection>;

/** A real node:http server on 127.0.0.1, reached by the real global fetch. */
export const realHttp: Transport = async (sim) => {
  const server = await sim.listen();
  return { baseUrl: server.url, close: server.close };
};

/**
 * msw intercepting the global fetch for `sim.baseUrl`. One msw server per connection, listening
 * only while it is open: an msw server left listening would intercept (and, with
 * `onUnhandledRequest: 'error'`, fail) the real-HTTP scenarios of the same file.
 */
export const mswTransport: Transport = async (sim) => {
  const server = setupServer(...sim.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return { baseUrl: sim.baseUrl, close: async () => server.close() };
};

/**
 * The transports every client scenario runs under, for `describe.each`.
 *
 * @example
 * describe.each(TRANSPORTS)('v2 pagination over %s', (_name, transport) => { ... });
 */
export const TRANSPORTS: ReadonlyArray<readonly [string, Transport]> = [
  ['real HTTP', realHttp],
  ['msw', mswTransport],
];
