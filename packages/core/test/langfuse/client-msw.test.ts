import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createLangfuseClient,
  isLangfuseError,
  type LangfuseClientOptions,
  LangfuseError,
} from '../../src/index';
import {
  AUTH,
  createFakeLangfuse,
  type FakeLangfuse,
  PUBLIC_KEY,
  SECRET_KEY,
  v2Observation,
} from './support/fake-langfuse';
import { createMswServer, MSW_BASE_URL } from './support/msw-server';

let fake: FakeLangfuse = createFakeLangfuse();
const server = createMswServer(() => fake);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  vi.useRealTimers();
  server.resetHandlers();
});
afterAll(() => server.close());

function client(options: Partial<LangfuseClientOptions> = {}) {
  return createLangfuseClient({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl: `${MSW_BASE_URL}/`,
    retryBaseDelayMs: 0,
    random: () => 0.5,
    ...options,
  });
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<LangfuseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LangfuseError))
    throw new Error(`expected a LangfuseError, got ${String(error)}`);
  return error;
}

describe('Langfuse client over msw: pagination', () => {
  it('reads 2,500 v2 observations at limit 1000 in exactly 3 requests, same filters on each page', async () => {
    fake = createFakeLangfuse({ observationsV2: 2500 });
    const c = client();
    const pages = await collect(
      c.paginateObservationsV2({
        limit: 1000,
        fields: ['core', 'basic'],
        fromStartTime: '2026-11-20T00:00:00Z',
      }),
    );
    expect(pages.map((p) => p.data.length)).toEqual([1000, 1000, 500]);
    expect(pages.flatMap((p) => p.data.map((o) => o.id)).at(-1)).toBe('obs-2499');
    expect(new Set(pages.flatMap((p) => p.data.map((o) => o.id))).size).toBe(2500);
    expect(pages.at(-1)?.cursor).toBeNull();
    expect(c.stats).toEqual({ requests: 3, retries: 0, rateLimited: 0, failures: 0 });
    expect(fake.requests).toHaveLength(3);
    for (const r of fake.requests) {
      expect(r.query.get('fromStartTime')).toBe('2026-11-20T00:00:00.000Z');
      expect(r.query.get('fields')).toBe('core,basic');
      expect(r.authorization).toBe(AUTH);
    }
    expect(fake.requests[0]?.query.has('cursor')).toBe(false);
    expect(fake.requests[1]?.query.get('cursor')).toBe(pages[0]?.cursor);
  });

  it('resumes a v2 walk from a saved cursor', async () => {
    fake = createFakeLangfuse({ observationsV2: 25 });
    const c = client();
    const first = await c.getObservationsV2({ limit: 10 });
    const rest = await collect(
      c.paginateObservationsV2({ limit: 10, cursor: first.cursor ?? undefined }),
    );
    expect(rest.map((p) => p.data[0]?.id)).toEqual(['obs-10', 'obs-20']);
    expect(c.stats.requests).toBe(3);
  });

  it('reads 250 legacy observations at limit 100 in exactly 3 requests', async () => {
    fake = createFakeLangfuse({ observations: 250 });
    const c = client();
    const pages = await collect(c.paginateObservations({ limit: 100 }));
    expect(pages.map((p) => [p.meta.page, p.data.length])).toEqual([
      [1, 100],
      [2, 100],
      [3, 50],
    ]);
    expect(c.stats.requests).toBe(3);
    expect(fake.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
  });

  it('walks sessions and traces, and yields one empty page when there is nothing', async () => {
    fake = createFakeLangfuse({ sessions: 120, traces: 0 });
    const c = client();
    const sessions = await collect(c.paginateSessions());
    expect(sessions.map((p) => p.data.length)).toEqual([100, 20]);
    const traces = await collect(c.paginateTraces({ orderBy: 'timestamp.asc', tags: ['a', 'b'] }));
    expect(traces).toHaveLength(1);
    expect(traces[0]?.data).toEqual([]);
    expect(fake.requests.at(-1)?.query.getAll('tags')).toEqual(['a', 'b']);
    expect(c.stats.requests).toBe(3);
  });

  it('stops with LANGFUSE_PAGINATION when a cursor repeats', async () => {
    fake = createFakeLangfuse();
    const page = (cursor: string) => ({
      status: 200,
      body: { data: [v2Observation(0)], meta: { cursor } },
    });
    fake.enqueue(page('c1'), page('c2'), page('c1'));
    const c = client();
    const seen: Array<string | null> = [];
    const error = await rejection(
      (async () => {
        for await (const p of c.paginateObservationsV2()) seen.push(p.cursor);
      })(),
    );
    expect(error.code).toBe('LANGFUSE_PAGINATION');
    expect(seen).toEqual(['c1', 'c2']);
    expect(c.stats.requests).toBe(3);
  });

  it('stops with LANGFUSE_PAGINATION on an empty v2 page that still has a cursor', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({ status: 200, body: { data: [], meta: { cursor: 'c1' } } });
    const error = await rejection(collect(client().paginateObservationsV2()));
    expect(error.code).toBe('LANGFUSE_PAGINATION');
    expect(fake.requests).toHaveLength(1);
  });

  it('stops with LANGFUSE_PAGINATION when a legacy page is empty but more pages are promised', async () => {
    fake = createFakeLangfuse();
    fake.enqueue({
      status: 200,
      body: { data: [], meta: { page: 1, limit: 100, totalItems: 300, totalPages: 3 } },
    });
    const error = await rejection(collect(client().paginateSessions()));
    expect(error.code).toBe('LANGFUSE_PAGINATION');
    expect(error.message).toContain('3 pages');
  });
});

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

  it('honours Retry-After on 429: waits exactly that long, then retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { message: 'rate limited' },
    });
    const c = client({ retryBaseDelayMs: 500 });
    const pending = c.getSessions();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ data: [{ id: 'session-0' }] });
    expect(fake.requests).toHaveLength(2);
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1, failures: 0 });
  });

  it('fails fast with LANGFUSE_RATE_LIMITED when Retry-After exceeds maxRetryAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue({ status: 429, headers: { 'Retry-After': '3600' } });
    const c = client({ maxRetryAfterMs: 60_000 });
    const error = await rejection(c.getObservationsV2());
    expect(error).toMatchObject({
      code: 'LANGFUSE_RATE_LIMITED',
      retryAfterMs: 3_600_000,
      status: 429,
    });
    expect(isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(c.stats).toEqual({ requests: 1, retries: 0, rateLimited: 1, failures: 1 });
  });

  it('backs off with full jitter when a 429 has no Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue({ status: 429 }, { status: 429 });
    const c = client({ retryBaseDelayMs: 1000, random: () => 0.5 });
    const pending = c.getSessions();
    await vi.advanceTimersByTimeAsync(499); // first retry: 0.5 × 1000
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999); // second retry: 0.5 × 2000
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBeTruthy();
    expect(c.stats.rateLimited).toBe(2);
  });

  it('times out a request that never gets an answer, and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue('hang', 'hang');
    const c = client({ timeoutMs: 1_000, maxRetries: 1 });
    const pending = rejection(c.getSessions());
    await vi.advanceTimersByTimeAsync(1_000);
    // The aborted exchange unwinds through real microtasks and I/O callbacks: poll for the retry.
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await pending;
    expect(error).toMatchObject({ code: 'LANGFUSE_TIMEOUT', attempts: 2 });
    expect(error.message).toContain('1000 ms');
  });

  it('paces requests to requestsPerMinute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ observationsV2: 30 });
    const c = client({ requestsPerMinute: 30 });
    const walk = collect(c.paginateObservationsV2({ limit: 10 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await walk).map((p) => p.data.length)).toEqual([10, 10, 10]);
  });

  it('stops promptly when the signal aborts, even during a retry wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue({ status: 429, headers: { 'Retry-After': '30' } });
    const controller = new AbortController();
    const c = client();
    const pending = rejection(c.getSessions({}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('LANGFUSE_ABORTED');
    expect(fake.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
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
