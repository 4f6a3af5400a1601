import { describe, expect, it } from 'vitest';
import { createLangfuseClient } from '../../src/index';
import {
  createFakeLangfuse,
  type FakeLangfuse,
  PUBLIC_KEY,
  SECRET_KEY,
} from './support/fake-langfuse';
import { mswClient as client, rejection } from './support/helpers';
import { useMswServer } from './support/msw-server';

let fake: FakeLangfuse = createFakeLangfuse();
useMswServer(() => fake);

describe('Langfuse client over msw: validation', () => {
  it('skips a malformed record, reports it, and keeps the rest of the page', async () => {
    fake = createFakeLangfuse({ observationsV2: 3 });
    fake.override('v2', 1, { id: 'obs-1', traceId: 't', startTime: 'yesterday', type: 'SPAN' });
    const reports: unknown[] = [];
    const page = await client({ onInvalidRecord: (r) => reports.push(r) }).getObservationsV2({
      limit: 10,
    });
    expect(page.data.map((o) => o.id)).toEqual(['obs-0', 'obs-2']);
    expect(page.invalid).toHaveLength(1);
    expect(page.invalid[0]).toMatchObject({ index: 1, id: 'obs-1' });
    expect(page.invalid[0]?.issues).toContain('startTime');
    expect(reports).toEqual([{ ...page.invalid[0], path: '/api/public/v2/observations' }]);
  });

  it('accepts unknown fields and absent optional groups, ignoring the extras', async () => {
    fake = createFakeLangfuse({ observationsV2: 1 });
    fake.override('v2', 0, {
      id: 'o',
      traceId: null,
      startTime: '2026-11-20T10:00:00.000Z',
      endTime: null,
      parentObservationId: null,
      type: 'EVENT',
      brandNewField: 1,
    });
    const page = await client().getObservationsV2();
    expect(page.invalid).toEqual([]);
    expect(page.data[0]).not.toHaveProperty('brandNewField');
    expect(page.data[0]).not.toHaveProperty('name');
  });

  it('rejects an unexpected envelope with LANGFUSE_INVALID_RESPONSE', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({ status: 200, body: { items: [] } });
    const error = await rejection(client().getTraces());
    expect(error.code).toBe('LANGFUSE_INVALID_RESPONSE');
    expect(error.path).toBe('/api/public/traces');
  });

  it('refuses a legacy limit above 100 before sending anything', async () => {
    fake = createFakeLangfuse();
    const c = client();
    const error = await rejection(c.getTraces({ limit: 500 }));
    expect(error.code).toBe('LANGFUSE_INVALID_PARAMS');
    expect(error.message).toContain('at most 100');
    await expect(c.getObservationsV2({ limit: 1001 })).rejects.toMatchObject({
      code: 'LANGFUSE_INVALID_PARAMS',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('returns a trace with its validated observations, and 404 as LANGFUSE_NOT_FOUND', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({
      status: 200,
      body: {
        id: 't1',
        timestamp: '2026-11-20T10:00:00Z',
        tags: ['x'],
        htmlPath: '/t',
        observations: [{ id: 'bad' }],
        scores: [],
      },
    });
    const detail = await client().getTrace('t1');
    expect(detail.data.id).toBe('t1');
    expect(detail.data.observations).toEqual([]);
    expect(detail.invalid[0]).toMatchObject({ index: 0, id: 'bad' });
    fake.enqueue({ status: 404, body: { message: 'Trace not found' } });
    const error = await rejection(client().getTrace('a/b'));
    expect(error.code).toBe('LANGFUSE_NOT_FOUND');
    expect(fake.requests.at(-1)?.path).toBe('/api/public/traces/a%2Fb');
  });
});

describe('Langfuse client with an injected fetch', () => {
  it('sends every request through options.fetch', async () => {
    fake = createFakeLangfuse({ observationsV2: 2 });
    const seen: string[] = [];
    const injected: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      seen.push(url.pathname);
      const auth = new Headers(init?.headers).get('authorization');
      const answer = fake.handle(url, auth);
      if (typeof answer === 'string') throw new TypeError('fetch failed');
      return Response.json(answer.body ?? null, { status: answer.status });
    };
    const c = createLangfuseClient({
      publicKey: PUBLIC_KEY,
      secretKey: SECRET_KEY,
      baseUrl: 'http://in-process',
      fetch: injected,
    });
    expect((await c.getObservationsV2()).data.map((o) => o.id)).toEqual(['obs-0', 'obs-1']);
    expect(seen).toEqual(['/api/public/v2/observations']);
  });
});

describe('Langfuse client over msw: connection', () => {
  it('checkConnection resolves with the project and health needs no auth', async () => {
    fake = createFakeLangfuse();
    await expect(client().checkConnection()).resolves.toEqual({
      ok: true,
      projectId: 'project-1',
      projectName: 'Cupid',
      organizationId: 'org-1',
      organizationName: 'Org',
    });
    await expect(client().health()).resolves.toEqual({ status: 'OK', version: '3.0.0' });
    expect(fake.requests.at(-1)?.authorization).toBeNull();
  });
});
