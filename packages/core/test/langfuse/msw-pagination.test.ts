import { describe, expect, it } from 'vitest';
import {
  AUTH,
  createFakeLangfuse,
  type FakeLangfuse,
  v2Observation,
} from './support/fake-langfuse';
import { mswClient as client, collect, rejection } from './support/helpers';
import { useMswServer } from './support/msw-server';

let fake: FakeLangfuse = createFakeLangfuse();
useMswServer(() => fake);

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

  it('stops with LANGFUSE_PAGINATION when the server answers another page or too many rows', async () => {
    fake = createFakeLangfuse();
    const meta = { page: 1, limit: 100, totalItems: 300, totalPages: 3 };
    fake.enqueue({ status: 200, body: { data: [], meta: { ...meta, page: 2 } } });
    expect((await rejection(collect(client().paginateTraces()))).message).toContain(
      'answered with page 2',
    );
    const rows = Array.from({ length: 3 }, (_, i) => ({
      id: `s${i}`,
      createdAt: '2026-11-20T00:00:00Z',
      projectId: 'p',
      environment: 'default',
    }));
    fake.enqueue({ status: 200, body: { data: rows, meta: { ...meta, limit: 2 } } });
    const error = await rejection(collect(client().paginateSessions({ limit: 2 })));
    expect(error.code).toBe('LANGFUSE_PAGINATION');
    expect(error.message).toContain('3 rows exceed the page limit 2');
  });
});
