import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { authHeader, readJson } from './helpers/client';
import { smallWorld } from './helpers/records';

describe('sim.listen()', () => {
  it('serves over HTTP with the same answers as the handler', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const server = await sim.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/public/traces?limit=2`, {
        headers: { authorization: authHeader(sim) },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = await readJson(response);
      expect(body.meta).toEqual({ page: 1, limit: 2, totalItems: 3, totalPages: 2 });
      expect(sim.requests[0]?.query).toEqual({ limit: '2' });
    } finally {
      await server.close();
    }
  });

  it('close() ends requests still in progress', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // A sleep that never ends by itself: only the connection closing releases it.
    const sim = createLangfuseSimulator({
      dataset: smallWorld(),
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          arrived();
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    });
    sim.faults.inject({ kind: 'slow', delayMs: 60_000 });
    const server = await sim.listen();
    const pending = fetch(`${server.url}/api/public/health`);
    await arrival;
    await server.close();
    await expect(pending).rejects.toThrow(TypeError);
  });

  it('lets an in-process caller give up on a slow answer', async () => {
    const sim = createLangfuseSimulator({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    });
    sim.faults.inject({ kind: 'slow', delayMs: 60_000 });
    const controller = new AbortController();
    const pending = sim.fetch(`${sim.baseUrl}/api/public/health`, { signal: controller.signal });
    controller.abort(new Error('client timeout'));
    await expect(pending).rejects.toThrow('client timeout');
  });
});
