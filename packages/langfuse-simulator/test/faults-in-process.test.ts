import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { faultSuite } from './helpers/fault-suite';

faultSuite('the in-process fetch', async (sim) => ({
  fetch: sim.fetch,
  baseUrl: sim.baseUrl,
  close: async () => {},
}));

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

faultSuite('msw handlers', async (sim) => {
  server.resetHandlers(...sim.handlers);
  return {
    fetch: (...args) => globalThis.fetch(...args),
    baseUrl: sim.baseUrl,
    close: async () => {},
  };
});
