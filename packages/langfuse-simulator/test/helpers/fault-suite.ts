import { describe, expect, it } from 'vitest';
import {
  createLangfuseSimulator,
  type LangfuseSimulator,
  type SimulatorOptions,
} from '../../src/index';
import { authHeader, readJson } from './client';
import { smallWorld } from './records';

/** How a suite reaches the simulator: returns a fetch bound to a base URL, and a cleanup. */
export type Transport = (
  sim: LangfuseSimulator,
) => Promise<{ fetch: typeof globalThis.fetch; baseUrl: string; close: () => Promise<void> }>;

/**
 * The fault behaviours every transport must show, run once per transport (real HTTP, msw,
 * in-process fetch).
 */
export function faultSuite(name: string, transport: Transport) {
  async function setup(options: SimulatorOptions = {}) {
    const sleeps: number[] = [];
    const sim = createLangfuseSimulator({
      dataset: smallWorld(),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
    const t = await transport(sim);
    const call = (path: string) =>
      t.fetch(`${t.baseUrl}${path}`, { headers: { authorization: authHeader(sim) } });
    return { sim, sleeps, call, close: t.close };
  }

  describe(`faults over ${name}`, () => {
    it('rate_limit: count 429s with Retry-After, then normal answers', async () => {
      const { sim, call, close } = await setup();
      try {
        sim.faults.inject({ kind: 'rate_limit', count: 2, retryAfterSeconds: 2 });
        for (let i = 0; i < 2; i++) {
          const response = await call('/api/public/v2/observations');
          expect(response.status).toBe(429);
          expect(response.headers.get('retry-after')).toBe('2');
          const body = await readJson(response);
          expect(body.code).toBe('rate_limited');
          expect(body.details.retryAfterSeconds).toBe(2);
        }
        expect((await call('/api/public/v2/observations')).status).toBe(200);
        expect(sim.requests.map((r) => r.fault?.[0] ?? null)).toEqual([
          'rate_limit',
          'rate_limit',
          null,
        ]);
      } finally {
        await close();
      }
    });

    it('server_error: the chosen status on the chosen path only', async () => {
      const { sim, call, close } = await setup();
      try {
        sim.faults.inject({
          kind: 'server_error',
          status: 503,
          count: 1,
          path: '/api/public/traces',
        });
        expect((await call('/api/public/v2/observations')).status).toBe(200);
        expect((await call('/api/public/traces')).status).toBe(503);
        expect((await call('/api/public/traces')).status).toBe(200);
      } finally {
        await close();
      }
    });

    it('slow: the normal answer after the delay', async () => {
      const { sim, sleeps, call, close } = await setup({ latencyMs: 5 });
      try {
        sim.faults.inject({ kind: 'slow', delayMs: 1500 });
        expect((await call('/api/public/traces')).status).toBe(200);
        expect((await call('/api/public/traces')).status).toBe(200);
        expect(sleeps).toEqual([1505, 5]);
      } finally {
        await close();
      }
    });

    it('drop_connection: a network error, logged with status 0', async () => {
      const { sim, call, close } = await setup();
      try {
        sim.faults.inject({ kind: 'drop_connection', count: 1 });
        await expect(call('/api/public/v2/observations')).rejects.toThrow(TypeError);
        expect((await call('/api/public/v2/observations')).status).toBe(200);
        expect(sim.requests[0]).toMatchObject({ status: 0, fault: ['drop_connection'] });
      } finally {
        await close();
      }
    });

    it('malformed: named and counted records served broken, listed in malformedIds', async () => {
      const { sim, call, close } = await setup();
      try {
        sim.faults.inject({ kind: 'malformed', ids: ['o2'] });
        const body = await readJson(await call('/api/public/v2/observations'));
        expect(body.data.map((row: { id?: string }) => row.id)).toEqual([
          'o5',
          'o4',
          'o3',
          undefined,
          'o1',
        ]);
        expect([...sim.malformedIds]).toEqual(['o2']);

        sim.faults.inject({ kind: 'malformed', count: 1, path: '/api/public/traces' });
        const traces = await readJson(await call('/api/public/traces'));
        expect(traces.data[0]).toMatchObject({ id: 't3', timestamp: 'not-a-date' });
        expect([...sim.malformedIds].sort()).toEqual(['o2', 't3']);
        // A broken record stays broken on later answers.
        const again = await readJson(await call('/api/public/traces'));
        expect(again.data[0].timestamp).toBe('not-a-date');
        expect(again.data[1].timestamp).not.toBe('not-a-date');
        expect(sim.truth().without(sim.malformedIds).counts).toEqual({
          sessions: 2,
          traces: 2,
          observations: 4,
        });
        sim.faults.clear();
        expect(sim.malformedIds.size).toBe(0);
      } finally {
        await close();
      }
    });
  });
}
