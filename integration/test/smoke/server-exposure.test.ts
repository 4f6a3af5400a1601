import { Writable } from 'node:stream';
import { createMemoryStore } from '@cupid-dashboard/core';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../packages/server/src/config';
import { startServer } from '../../../packages/server/src/server';

// The warning an operator gets when the API and the sync trigger are open to the network.
const keys = { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-test' };
const WARNING =
  'Listening beyond this machine with no DASHBOARD_API_KEYS and a writable sync trigger: anyone who can reach the port can read the data and start syncs';

/** Starts the server in process with `env`, stops it, and returns the warn lines it logged. */
async function warningsAt(env: Record<string, string>): Promise<{ msg: string; host: string }[]> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    ...keys,
    LANGFUSE_BASE_URL: 'http://127.0.0.1:9',
    PORT: '0',
    SYNC_ON_START: 'false',
    ...env,
  });
  const server = await startServer(config, {
    createStore: async () => createMemoryStore(),
    logger: pino({ level: 'warn' }, sink),
  });
  await server.close();
  return lines
    .map((line) => JSON.parse(line) as { msg: string; host: string; level: number })
    .filter((entry) => entry.level === 40)
    .map(({ msg, host }) => ({ msg, host }));
}

describe('server exposure warning', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(loadConfig(keys).http.host).toBe('127.0.0.1');
  });

  it('warns when listening on 0.0.0.0 without API keys and with the trigger writable', async () => {
    expect(await warningsAt({ HOST: '0.0.0.0' })).toEqual([{ msg: WARNING, host: '0.0.0.0' }]);
  });

  it('does not warn on the loopback default', async () => {
    expect(await warningsAt({})).toEqual([]);
  });

  it('does not warn with DASHBOARD_API_KEYS or DASHBOARD_READ_ONLY', async () => {
    expect(await warningsAt({ HOST: '0.0.0.0', DASHBOARD_API_KEYS: 'k1' })).toEqual([]);
    expect(await warningsAt({ HOST: '0.0.0.0', DASHBOARD_READ_ONLY: 'true' })).toEqual([]);
  });
});
