import {
  createAnalyticsService,
  type Dashboard,
  type DashboardStore,
  handleRoute,
  type RouteInput,
} from '@cupid-dashboard/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handMadeDashboard, NOW } from '../analytics/fixture';
import { routeById } from './route-by-id';

const route = routeById;
const logger = { error: vi.fn() };
let dashboard: Dashboard;
const call = (operationId: string, input: RouteInput = {}) =>
  handleRoute(route(operationId), input, { dashboard, logger });

beforeEach(async () => {
  logger.error.mockReset();
  dashboard = await handMadeDashboard();
});

describe('handleRoute validation', () => {
  it('applies defaults and coerces numbers from query strings', async () => {
    const result = await call('listSessions', { query: { limit: '2', page: '2' } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      pagination: { page: 2, limit: 2, total: 3, total_pages: 2 },
    });
  });

  it.each([
    ['time_range', { time_range: '1y' }],
    ['time_range', { time_range: '' }],
    ['status', { status: 'done' }],
    ['sort', { sort: 'startedAt' }],
    ['order', { order: 'up' }],
    ['page', { page: '0' }],
    ['page', { page: '1.5' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '201' }],
    ['limit', { limit: 'ten' }],
    ['limit', { limit: ['1', '2'] }],
    ['from', { from: 'yesterday' }],
    ['from', { from: '2026-13-45' }],
    ['to', { to: '2026-11-20T25:00:00Z' }],
    ['to', { from: '2026-11-20', to: '2026-11-19' }],
    ['search', { search: ['a', 'b'] }],
    ['search', { search: 'x'.repeat(501) }],
    ['user_id', { user_id: ['a', 'b'] }],
  ])('answers 422 naming %s for %j', async (field, query) => {
    const result = await call('listSessions', { query });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'VALIDATION_ERROR', detail: expect.any(String) });
    const errors = (result.body as { errors: { field: string; message: string }[] }).errors;
    expect(errors.map((error) => error.field)).toEqual([field]);
    expect(errors[0]?.message).toMatch(field === 'search' || field === 'user_id' ? /./ : field);
  });

  it('reports every bad field of a request at once', async () => {
    const result = await call('getAgentCharts', {
      params: { agent_name: 'Mortal' },
      query: { bucket: 'week', time_range: 'x' },
    });
    const errors = (result.body as { errors: { field: string }[] }).errors;
    expect(errors.map((error) => error.field).sort()).toEqual(['bucket', 'time_range']);
  });

  it('names bucket when the period holds too many buckets', async () => {
    const result = await call('getDashboardMetrics', { query: { from: '0001-01-01' } });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({
      code: 'ANALYTICS_INVALID_QUERY',
      errors: [{ field: 'bucket' }],
    });
  });

  it('validates the other routes’ own parameters', async () => {
    const agent = { params: { agent_name: 'Mortal' } };
    expect(
      (await call('getAgent', { ...agent, query: { recent_errors_limit: '101' } })).status,
    ).toBe(422);
    expect((await call('getDashboardMetrics', { query: { top_agents: '0' } })).status).toBe(422);
    expect((await call('getModelMetrics', { query: { time_range: '90d' } })).status).toBe(422);
    expect((await call('getSessionStats', { query: { to: 'soon' } })).status).toBe(422);
  });
});

describe('handleRoute answers', () => {
  it('answers 404 with detail and code for unknown sessions and agents', async () => {
    const session = await call('getConversation', { params: { session_id: 'nope' } });
    expect(session).toEqual({
      status: 404,
      body: { detail: 'Session not found: nope', code: 'NOT_FOUND' },
    });
    const agent = await call('getAgentCharts', { params: { agent_name: 'Ghost agent' } });
    expect(agent.status).toBe(404);
  });

  it('adds X-Data-As-Of once the data has been synced', async () => {
    const before = await call('listAgents');
    expect(before.headers?.['X-Data-As-Of']).toBeUndefined();
    await dashboard.store.saveSyncState({ lastSuccessAt: NOW - 60_000 });
    const after = await call('listAgents');
    expect(after.headers?.['X-Data-As-Of']).toBe('2026-11-20T11:59:00.000Z');
    const status = await call('getSyncStatus');
    expect(status.headers?.['X-Data-As-Of']).toBeUndefined();
  });

  it('answers health 200, and 503 once the store is closed', async () => {
    const healthy = await call('getHealth');
    expect(healthy).toEqual({
      status: 200,
      body: {
        status: 'ok',
        time: '2026-11-20T12:00:00.000Z',
        database: { status: 'ok', engine: 'memory' },
        sync: { configured: false, status: 'idle', running: false, last_success_at: null },
      },
    });
    await dashboard.close();
    const down = await call('getHealth');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', database: { status: 'unavailable' } });
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('answers 503 without internals when the store fails during a query', async () => {
    await dashboard.store.close();
    const result = await call('listSessions');
    expect(result).toMatchObject({
      status: 503,
      body: { detail: 'The data store is unavailable', code: 'STORE_UNAVAILABLE' },
    });
  });

  it('answers 500 with a fixed body and logs the cause of an unexpected error', async () => {
    const fail = () => Promise.reject(new Error('secret path /db'));
    const store = dashboard.store;
    const broken: DashboardStore = {
      ...store,
      listAgents: fail,
      readSnapshot: (read) => store.readSnapshot((reads) => read({ ...reads, listAgents: fail })),
    };
    const result = await handleRoute(
      route('listAgents'),
      {},
      {
        dashboard: { ...dashboard, analytics: createAnalyticsService({ store: broken }) },
        logger,
      },
    );
    expect(result).toEqual({
      status: 500,
      body: { detail: 'Internal server error', code: 'INTERNAL' },
    });
    expect(JSON.stringify(result.body)).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ message: 'secret path /db' }),
    );
  });
});
