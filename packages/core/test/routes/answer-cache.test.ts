import { type Dashboard, handleRoute, type RouteInput } from '@cupid-dashboard/core';
import { observation } from '@cupid-dashboard/core/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handMadeDashboard, NOW } from '../analytics/fixture';
import { routeById } from './route-by-id';

const route = routeById;
let clock = NOW;
let dashboard: Dashboard;
const call = (operationId: string, input: RouteInput = {}) =>
  handleRoute(route(operationId), input, { dashboard, logger: { error: vi.fn() } });
const tagOf = (result: { headers?: Record<string, string> }) => result.headers?.ETag as string;

beforeEach(async () => {
  clock = NOW;
  dashboard = await handMadeDashboard({ now: () => clock });
  await dashboard.store.saveSyncState({ lastSuccessAt: NOW - 60_000 });
});

describe('the answer cache', () => {
  it('answers a repeated query from memory, with the same strong ETag and X-Data-As-Of', async () => {
    const reads = vi.spyOn(dashboard.store, 'readSnapshot');
    const first = await call('listAgents', { query: { time_range: '7d' } });
    expect(first.status).toBe(200);
    expect(tagOf(first)).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers).toMatchObject({
      'Cache-Control': 'private, no-cache',
      'X-Data-As-Of': new Date(NOW - 60_000).toISOString(),
    });
    const second = await call('listAgents', { query: { time_range: '7d' } });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(second.headers).toEqual(first.headers);
    expect(second.body).toEqual(first.body);
    expect(JSON.parse(second.json as string)).toEqual(first.body);
    expect(dashboard.cache?.size).toBe(1);
  });

  it('keys by the normalised query: defaults spelled out or left out are one answer', async () => {
    const plain = await call('listSessions');
    const spelled = await call('listSessions', {
      query: { limit: '50', page: '1', order: 'desc', time_range: 'all' },
    });
    expect(tagOf(spelled)).toBe(tagOf(plain));
    expect(tagOf(await call('listSessions', { query: { limit: '2' } }))).not.toBe(tagOf(plain));
  });

  it('answers 304 without a body or a query to a matching If-None-Match', async () => {
    const first = await call('getDashboardMetrics', { query: { time_range: '24h' } });
    const reads = vi.spyOn(dashboard.store, 'readSnapshot');
    const headers = { 'if-none-match': `W/"other", ${tagOf(first)}` };
    const again = await call('getDashboardMetrics', { query: { time_range: '24h' }, headers });
    expect(again).toMatchObject({ status: 304, body: undefined });
    expect(again.headers).toMatchObject({
      ETag: tagOf(first),
      'X-Data-As-Of': first.headers?.['X-Data-As-Of'],
    });
    expect(reads).not.toHaveBeenCalled();
  });

  it('shows a committed write on the next request, under a new ETag', async () => {
    const first = await call('listAgents');
    await dashboard.store.upsert({
      observations: [observation({ id: 'new', name: 'Brand New Agent', startTime: NOW - 1000 })],
    });
    const headers = { 'if-none-match': tagOf(first) };
    const after = await call('listAgents', { headers });
    expect(after.status).toBe(200);
    expect(tagOf(after)).not.toBe(tagOf(first));
    const names = (after.body as { agents: { name: string }[] }).agents.map((agent) => agent.name);
    expect(names).toContain('Brand New Agent');
  });

  it('judges named ranges at the minute, so a range slides minute by minute', async () => {
    clock = NOW + 10_000;
    const early = await call('getSessionStats', { query: { time_range: '24h' } });
    clock = NOW + 50_000;
    const late = await call('getSessionStats', { query: { time_range: '24h' } });
    expect(tagOf(late)).toBe(tagOf(early));
    const DAY = 86_400_000;
    expect((late.body as { period: { from: string } }).period.from).toBe(
      new Date(NOW + 60_000 - DAY).toISOString(),
    );
    clock = NOW + 70_000;
    const next = await call('getSessionStats', { query: { time_range: '24h' } });
    expect(tagOf(next)).not.toBe(tagOf(late));
    expect((next.body as { period: { from: string } }).period.from).toBe(
      new Date(NOW + 120_000 - DAY).toISOString(),
    );
  });

  it('does not keep errors: an unknown agent is asked again once it exists', async () => {
    expect((await call('getAgent', { params: { agent_name: 'Later' } })).status).toBe(404);
    expect(dashboard.cache?.size).toBe(0);
  });

  it('is off with cache: false: no ETag, and If-None-Match is ignored', async () => {
    dashboard = await handMadeDashboard({ cache: false });
    expect(dashboard.cache).toBeNull();
    const result = await call('listAgents', { headers: { 'if-none-match': '*' } });
    expect(result.status).toBe(200);
    expect(result.headers?.ETag).toBeUndefined();
  });
});
