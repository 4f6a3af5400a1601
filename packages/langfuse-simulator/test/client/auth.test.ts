import { inspect } from 'node:util';
import { isLangfuseError, type LangfuseError } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/records';
import { connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';

// A secret that cannot appear in any output by accident.
const SECRET = 'sk-lf-do-not-leak-7c1e9b2f4a';

/** Every place an error or the log could carry a key to a person or a log shipper. */
function exposures(error: LangfuseError, logged: unknown): string[] {
  return [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    error.stack ?? '',
    error.message,
    JSON.stringify(logged),
  ];
}

describe.each(TRANSPORTS)('keys and endpoints over %s', (_name, transport) => {
  it('answers a wrong secret with LANGFUSE_AUTH, once, without the secret anywhere', async () => {
    const { sim, client, logger } = await connect(
      transport,
      { dataset: smallWorld() },
      { secretKey: SECRET },
    );
    const basic = Buffer.from(`${sim.publicKey}:${SECRET}`).toString('base64');

    const error = await client.getObservationsV2().catch((e: unknown) => e);
    if (!isLangfuseError(error, 'LANGFUSE_AUTH')) throw new Error(`unexpected: ${String(error)}`);
    expect(error).toMatchObject({ status: 401, attempts: 1 });
    expect(sim.requests.map((r) => r.status)).toEqual([401]);
    for (const text of exposures(error, logger.calls)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(basic);
    }
  });

  it('checkConnection: the project for good keys, LANGFUSE_AUTH for bad ones', async () => {
    const good = await connect(transport, { dataset: smallWorld() });
    await expect(good.client.checkConnection()).resolves.toEqual({
      ok: true,
      projectId: 'simulator-project',
      projectName: 'Cupid (simulator)',
      organizationId: 'simulator-org',
      organizationName: 'Simulator',
    });

    const bad = await connect(transport, {}, { secretKey: SECRET });
    const error = await bad.client.checkConnection().catch((e: unknown) => e);
    if (!isLangfuseError(error, 'LANGFUSE_AUTH')) throw new Error(`unexpected: ${String(error)}`);
    expect(error).toMatchObject({ status: 401, path: '/api/public/projects' });
    for (const text of exposures(error, bad.logger.calls)) expect(text).not.toContain(SECRET);
  });

  it('health answers without keys', async () => {
    const { sim, client } = await connect(transport, {}, { secretKey: SECRET });
    await expect(client.health()).resolves.toEqual({ status: 'OK', version: '4.0.0' });
    expect(sim.requests.map((r) => [r.endpoint, r.status])).toEqual([
      ['GET /api/public/health', 200],
    ]);
  });

  it('a generation the server lacks is LANGFUSE_NOT_FOUND, without retries', async () => {
    const { sim, client } = await connect(transport, {
      dataset: smallWorld(),
      generations: { v2: false },
    });
    await expect(client.health()).resolves.toEqual({ status: 'OK', version: '3.0.0' });

    const error = await client.getObservationsV2().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_NOT_FOUND')).toBe(true);
    expect(error).toMatchObject({ status: 404, attempts: 1, path: '/api/public/v2/observations' });
    // The legacy generation still answers.
    expect((await client.getObservations()).data).toHaveLength(5);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 404, 200]);
  });

  it('a server without the legacy generation answers its endpoints with LANGFUSE_NOT_FOUND', async () => {
    const { client } = await connect(transport, {
      dataset: smallWorld(),
      generations: { legacy: false },
    });
    const error = await client.getTraces().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_NOT_FOUND')).toBe(true);
    expect((await client.getObservationsV2()).data).toHaveLength(5);
  });
});
