import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { smallWorld } from './helpers/records';

async function statuses(seed: number) {
  const sim = createLangfuseSimulator({ dataset: smallWorld() });
  sim.faults.inject({ kind: 'server_error', status: 502, probability: 0.5, seed });
  const out: number[] = [];
  for (let i = 0; i < 24; i++) out.push((await get(sim, '/api/public/traces')).status);
  return out;
}

describe('seeded random faults', () => {
  it('hits the same requests for the same seed, some but not all', async () => {
    const first = await statuses(7);
    expect(await statuses(7)).toEqual(first);
    expect(first).toContain(502);
    expect(first).toContain(200);
    expect(await statuses(8)).not.toEqual(first);
  });

  it('keeps faults from the options active from the start, and counts requests', async () => {
    const sim = createLangfuseSimulator({
      dataset: smallWorld(),
      faults: [{ kind: 'server_error', count: 1 }],
    });
    expect((await get(sim, '/api/public/traces')).status).toBe(500);
    expect((await get(sim, '/api/public/traces/t1')).status).toBe(200);
    expect((await get(sim, '/api/public/traces/t2')).status).toBe(200);
    expect(sim.requestCounts()).toEqual({
      'GET /api/public/traces': 1,
      'GET /api/public/traces/{traceId}': 2,
    });
    expect(sim.requests[1]).toMatchObject({
      method: 'GET',
      path: '/api/public/traces/t1',
      status: 200,
    });
    sim.resetRequests();
    expect(sim.requests).toHaveLength(0);
    expect(sim.faults.active()).toEqual([]);
  });
});
