import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createLangfuseClient, type LangfuseClientOptions } from '../../src/index';
import {
  createFakeLangfuse,
  type FakeLangfuse,
  PUBLIC_KEY,
  SECRET_KEY,
} from './support/fake-langfuse';
import { collect, localClient, rejection } from './support/helpers';
import { useHttpServer } from './support/http-server';

// Real sockets on 127.0.0.1 with real timers; every wait here is a few milliseconds.
let fake: FakeLangfuse = createFakeLangfuse();
const server = useHttpServer(() => fake);

const client = (options: Partial<LangfuseClientOptions> = {}) =>
  localClient(server.baseUrl, options);

describe('Langfuse client over real HTTP', () => {
  it('reads 2,500 v2 observations at limit 1000 in 3 requests', async () => {
    fake = createFakeLangfuse({ observationsV2: 2500 });
    const c = client();
    const pages = await collect(
      c.paginateObservationsV2({ limit: 1000, fields: ['core', 'basic', 'usage'] }),
    );
    expect(pages.map((p) => p.data.length)).toEqual([1000, 1000, 500]);
    expect(c.stats.requests).toBe(3);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests.every((r) => r.query.get('fields') === 'core,basic,usage')).toBe(true);
  });

  it('reads 250 legacy observations at limit 100 in 3 requests', async () => {
    fake = createFakeLangfuse({ observations: 250 });
    const c = client();
    const pages = await collect(
      c.paginateObservations({ limit: 100, environment: ['default', 'prod'] }),
    );
    expect(pages.map((p) => p.data.length)).toEqual([100, 100, 50]);
    expect(c.stats.requests).toBe(3);
    expect(fake.requests[0]?.query.getAll('environment')).toEqual(['default', 'prod']);
  });

  it('retries when the server destroys the socket', async () => {
    fake = createFakeLangfuse({ sessions: 3 });
    fake.enqueue('drop', 'drop');
    const c = client();
    const page = await c.getSessions({ limit: 10 });
    expect(page.data.map((s) => s.id)).toEqual(['session-0', 'session-1', 'session-2']);
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 0 });
  });

  it('reports LANGFUSE_NETWORK with a sanitized cause when the socket keeps dropping', async () => {
    fake = createFakeLangfuse();
    fake.enqueue('drop', 'drop');
    const error = await rejection(client({ maxRetries: 1 }).getSessions());
    expect(error.code).toBe('LANGFUSE_NETWORK');
    expect(error.attempts).toBe(2);
    const dump = inspect(error, { depth: 10, showHidden: true });
    expect(dump).not.toContain(SECRET_KEY);
    expect(dump).not.toContain(Buffer.from(`${PUBLIC_KEY}:${SECRET_KEY}`).toString('base64'));
    expect(dump).not.toMatch(/authorization/i);
    // ofetch's FetchError exposes the request options (headers included) through getters that
    // inspect does not call: check the cause chain holds no such object at all.
    for (let cause: unknown = error.cause; cause; cause = (cause as Error).cause) {
      expect(cause).not.toHaveProperty('options');
      expect(cause).not.toHaveProperty('request');
      expect((cause as Error).name).not.toBe('FetchError');
    }
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('times out when the server never answers', async () => {
    fake = createFakeLangfuse();
    fake.enqueue('hang', 'hang');
    const c = client({ timeoutMs: 50, maxRetries: 1 });
    const error = await rejection(c.getTraces());
    expect(error).toMatchObject({
      code: 'LANGFUSE_TIMEOUT',
      attempts: 2,
      path: '/api/public/traces',
    });
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 0, failures: 1 });
  });

  it('honours a Retry-After of 0 seconds on 429 and counts it', async () => {
    fake = createFakeLangfuse({ traces: 1 });
    fake.enqueue({ status: 429, headers: { 'Retry-After': '0' } });
    const c = client();
    expect((await c.getTraces()).data[0]?.id).toBe('trace-0');
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1, failures: 0 });
  });

  it('maps 401 to LANGFUSE_AUTH and keeps the secret out of the error and the logs', async () => {
    fake = createFakeLangfuse();
    const secret = 'sk-lf-not-the-right-one';
    const logger = { debug: vi.fn(), warn: vi.fn() };
    const c = createLangfuseClient({
      publicKey: PUBLIC_KEY,
      secretKey: secret,
      baseUrl: server.baseUrl,
      logger,
    });
    const error = await rejection(c.checkConnection());
    expect(error.code).toBe('LANGFUSE_AUTH');
    expect(error.message).toContain('/api/public/projects');
    const basic = Buffer.from(`${PUBLIC_KEY}:${secret}`).toString('base64');
    for (const text of [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify([logger.debug.mock.calls, logger.warn.mock.calls]),
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(basic);
    }
  });

  it('aborts a request the server is sitting on', async () => {
    fake = createFakeLangfuse();
    fake.enqueue('hang');
    const controller = new AbortController();
    const pending = rejection(client().getSessions({}, { signal: controller.signal }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    expect((await pending).code).toBe('LANGFUSE_ABORTED');
  });
});
