import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createLangfuseClient } from '../../src/index';
import {
  AUTH,
  createFakeLangfuse,
  type FakeLangfuse,
  PUBLIC_KEY,
  SECRET_KEY,
} from './support/fake-langfuse';
import { mswClient as client, rejection } from './support/helpers';
import { MSW_BASE_URL, useMswServer } from './support/msw-server';

let fake: FakeLangfuse = createFakeLangfuse();
useMswServer(() => fake);

describe('Langfuse client over msw: errors and retries', () => {
  it('maps 401 to LANGFUSE_AUTH without the keys anywhere', async () => {
    fake = createFakeLangfuse();
    const logger = { debug: vi.fn(), warn: vi.fn() };
    const c = createLangfuseClient({
      publicKey: PUBLIC_KEY,
      secretKey: 'sk-lf-wrong-secret',
      baseUrl: MSW_BASE_URL,
      logger,
    });
    const error = await rejection(c.getObservationsV2());
    expect(error.code).toBe('LANGFUSE_AUTH');
    expect(error.status).toBe(401);
    expect(error.message).toContain('GET /api/public/v2/observations');
    expect(error.message).toContain('LANGFUSE_SECRET_KEY');
    const wrongAuth = Buffer.from(`${PUBLIC_KEY}:sk-lf-wrong-secret`).toString('base64');
    for (const text of [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(logger.debug.mock.calls),
    ]) {
      expect(text).not.toContain('sk-lf-wrong-secret');
      expect(text).not.toContain(wrongAuth);
    }
    expect(c.stats).toEqual({ requests: 1, retries: 0, rateLimited: 0, failures: 1 });
  });

  it('maps 400 to LANGFUSE_HTTP with the server message, without retrying', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({ status: 400, body: { message: 'Invalid filter: unknown column' } });
    const c = client();
    const error = await rejection(c.getObservationsV2());
    expect(error.code).toBe('LANGFUSE_HTTP');
    expect(error.message).toContain('Invalid filter: unknown column');
    expect(c.stats.requests).toBe(1);
  });

  it('retries a 503 and then succeeds', async () => {
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue({ status: 503 }, { status: 502 });
    const c = client();
    const page = await c.getSessions();
    expect(page.data).toHaveLength(1);
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 0 });
  });

  it('gives up after maxRetries with LANGFUSE_HTTP and the attempt count', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const c = client({ maxRetries: 2 });
    const error = await rejection(c.getSessions());
    expect(error).toMatchObject({ code: 'LANGFUSE_HTTP', status: 500, attempts: 3 });
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 0, failures: 1 });
  });

  it('retries a dropped connection (LANGFUSE_NETWORK when it keeps failing)', async () => {
    fake = createFakeLangfuse({ sessions: 2 });
    fake.enqueue('drop');
    const c = client();
    expect((await c.getSessions()).data).toHaveLength(2);
    expect(c.stats.retries).toBe(1);
    fake.enqueue('drop', 'drop');
    const error = await rejection(client({ maxRetries: 1 }).getSessions());
    expect(error.code).toBe('LANGFUSE_NETWORK');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRET_KEY);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(AUTH.slice(6));
  });

  it('aborts a request in flight', async () => {
    fake = createFakeLangfuse();
    fake.enqueue('hang');
    const controller = new AbortController();
    const pending = rejection(client().getSessions({}, { signal: controller.signal }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    expect((await pending).code).toBe('LANGFUSE_ABORTED');
  });

  it('health answers in one attempt: a 503 is LANGFUSE_HTTP at once', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({ status: 503, body: { status: 'Database not available' } });
    const c = client();
    const error = await rejection(c.health());
    expect(error).toMatchObject({ code: 'LANGFUSE_HTTP', status: 503, attempts: 1 });
    expect(c.stats.requests).toBe(1);
  });
});
