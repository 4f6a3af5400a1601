import { isLangfuseError } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/records';
import { connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';

const ALL_IDS = ['o5', 'o4', 'o3', 'o2', 'o1'];

describe.each(TRANSPORTS)('retried failures over %s', (_name, transport) => {
  it.each([500, 502, 503] as const)('retries two %i answers, then succeeds', async (status) => {
    const { sim, client, logger } = await connect(transport, { dataset: smallWorld() });
    sim.faults.inject({ kind: 'server_error', status, count: 2 });

    const page = await client.getObservationsV2({ limit: 10 });
    expect(page.data.map((o) => o.id)).toEqual(ALL_IDS);
    expect(sim.requests.map((r) => r.status)).toEqual([status, status, 200]);
    expect(client.stats).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 0 });
    expect(logger.calls.map((c) => c.context?.status)).toEqual([status, status]);
  });

  it('gives up after maxRetries with LANGFUSE_HTTP carrying the status and attempts', async () => {
    const { sim, client } = await connect(transport, { dataset: smallWorld() }, { maxRetries: 2 });
    sim.faults.inject({ kind: 'server_error', status: 502, count: 3, path: '/api/public/traces' });

    const error = await client.getTraces().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_HTTP')).toBe(true);
    expect(error).toMatchObject({ status: 502, attempts: 3, path: '/api/public/traces' });
    expect(sim.requests.map((r) => r.status)).toEqual([502, 502, 502]);
    expect(client.stats).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 1 });
  });

  it('retries a dropped connection, then succeeds', async () => {
    const { sim, client } = await connect(transport, { dataset: smallWorld() });
    sim.faults.inject({ kind: 'drop_connection', count: 1 });

    const page = await client.getSessions();
    expect(page.data.map((s) => s.id)).toEqual(['s2', 's1']);
    // The log shows a dropped connection as status 0.
    expect(sim.requests.map((r) => r.status)).toEqual([0, 200]);
    expect(client.stats).toEqual({ requests: 2, retries: 1, rateLimited: 0, failures: 0 });
  });

  it('reports LANGFUSE_NETWORK when every attempt is dropped', async () => {
    const { sim, client } = await connect(transport, { dataset: smallWorld() }, { maxRetries: 1 });
    sim.faults.inject({ kind: 'drop_connection', count: 2 });

    const error = await client.getSessions().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_NETWORK')).toBe(true);
    expect(error).toMatchObject({ attempts: 2, path: '/api/public/sessions' });
    expect(sim.requests.map((r) => r.status)).toEqual([0, 0]);
  });

  it('times out a slow answer with LANGFUSE_TIMEOUT when no retry is allowed', async () => {
    const { sim, client } = await connect(
      transport,
      { dataset: smallWorld() },
      { timeoutMs: 200, maxRetries: 0 },
    );
    sim.faults.inject({ kind: 'slow', delayMs: 1000 });

    const error = await client.getObservationsV2().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_TIMEOUT')).toBe(true);
    expect(error).toMatchObject({ attempts: 1, path: '/api/public/v2/observations' });
    expect(client.stats).toEqual({ requests: 1, retries: 0, rateLimited: 0, failures: 1 });
  });

  it('retries after a timeout and gets the answer the second time', async () => {
    const { sim, client } = await connect(
      transport,
      { dataset: smallWorld() },
      { timeoutMs: 200, maxRetries: 1 },
    );
    sim.faults.inject({ kind: 'slow', delayMs: 1000 });

    const page = await client.getObservationsV2({ limit: 10 });
    expect(page.data.map((o) => o.id)).toEqual(ALL_IDS);
    expect(client.stats).toEqual({ requests: 2, retries: 1, rateLimited: 0, failures: 0 });
    // The abandoned slow request is never answered; the one answer is the retry's.
    expect(sim.requests.filter((r) => r.status === 200)).toHaveLength(1);
    expect(sim.requests.at(-1)?.fault).toBeUndefined();
  });
});
