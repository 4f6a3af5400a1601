import { faultSuite } from './helpers/fault-suite';

faultSuite('real HTTP (node:http on 127.0.0.1)', async (sim) => {
  const server = await sim.listen();
  return { fetch: globalThis.fetch, baseUrl: server.url, close: server.close };
});
