import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { smallWorld } from './helpers/records';

describe('auth, unknown routes and API generations', () => {
  it('answers 401 with a JSON message for missing or wrong keys, never echoing them', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const missing = await get(sim, '/api/public/traces', false);
    expect(missing.status).toBe(401);
    expect(typeof missing.body.message).toBe('string');
    const wrong = await sim.fetch(`${sim.baseUrl}/api/public/v2/observations`, {
      headers: { authorization: `Basic ${btoa('pk-lf-simulator:sk-wrong-secret')}` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('sk-wrong-secret');
  });

  it('accepts custom keys', async () => {
    const sim = createLangfuseSimulator({ publicKey: 'pk-1', secretKey: 'sk-1' });
    const response = await sim.fetch(`${sim.baseUrl}/api/public/projects`, {
      headers: { authorization: `Basic ${btoa('pk-1:sk-1')}` },
    });
    expect(response.status).toBe(200);
  });

  it('answers 404 for unknown paths and 405 for other methods', async () => {
    const sim = createLangfuseSimulator();
    expect((await get(sim, '/api/public/nothing')).status).toBe(404);
    const post = await sim.fetch(`${sim.baseUrl}/api/public/traces`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('answers 404 for the legacy endpoints on a v4-only server', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld(), generations: { legacy: false } });
    for (const path of ['sessions', 'traces', 'traces/t1', 'observations']) {
      expect((await get(sim, `/api/public/${path}`)).status).toBe(404);
    }
    expect((await get(sim, '/api/public/v2/observations')).status).toBe(200);
    expect((await get(sim, '/api/public/health', false)).body.version).toBe('4.0.0');
  });

  it('answers 404 for v2 observations on a v3 server', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld(), generations: { v2: false } });
    const v2 = await get(sim, '/api/public/v2/observations');
    expect(v2.status).toBe(404);
    expect(v2.body.message).toMatch(/v4/);
    expect((await get(sim, '/api/public/observations')).status).toBe(200);
  });
});
