import { createDashboard, createMemoryStore, handleRoute } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { routeById } from './route-by-id';

const route = routeById('getMetrics');

async function body(stream: AsyncIterable<string | Uint8Array> | undefined): Promise<string> {
  let text = '';
  for await (const chunk of stream ?? []) text += String(chunk);
  return text;
}

describe('GET /metrics', () => {
  it('answers 404 NOT_FOUND when the host passes no metrics source (the default)', async () => {
    const dashboard = createDashboard({ store: createMemoryStore() });
    const result = await handleRoute(route, {}, { dashboard });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      detail: 'Metrics are not enabled on this dashboard',
      code: 'NOT_FOUND',
    });
  });

  it("streams the source's exposition with its media type, never cached", async () => {
    const dashboard = createDashboard({ store: createMemoryStore() });
    let renders = 0;
    const metrics = {
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
      render: async () => `# TYPE up gauge\nup ${++renders}\n`,
    };
    const first = await handleRoute(route, {}, { dashboard, metrics });
    expect(first.status).toBe(200);
    expect(first.headers).toEqual({
      'Content-Type': metrics.contentType,
      'Cache-Control': 'no-store',
    });
    expect(await body(first.stream)).toBe('# TYPE up gauge\nup 1\n');
    const second = await handleRoute(route, {}, { dashboard, metrics });
    expect(await body(second.stream)).toBe('# TYPE up gauge\nup 2\n');
  });

  it('answers a failing source as a logged 500 that reveals nothing', async () => {
    const dashboard = createDashboard({ store: createMemoryStore() });
    const logged: unknown[] = [];
    const logger = { error: (_message: string, details?: unknown) => void logged.push(details) };
    const metrics = {
      contentType: 'text/plain',
      render: async () => {
        throw new Error('collector broke at /var/secret');
      },
    };
    const result = await handleRoute(route, {}, { dashboard, metrics, logger });
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });
});
