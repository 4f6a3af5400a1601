import { dashboardRoutes, handleRoute, type RouteEnvironment } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { handMadeDashboard, NOW } from '../analytics/fixture';
import { fakeSync } from './fake-sync';

const route = (operationId: string) => {
  const found = dashboardRoutes.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(operationId);
  return found;
};

describe('sync routes', () => {
  it('starts a run with 202, joins it on the next trigger, and shows it as running', async () => {
    const sync = fakeSync(NOW);
    const environment: RouteEnvironment = { dashboard: await handMadeDashboard({ sync }) };
    const first = await handleRoute(route('triggerSync'), {}, environment);
    expect(first).toEqual({
      status: 202,
      body: { started: true, status: 'started', detail: 'Sync started' },
    });
    const second = await handleRoute(route('triggerSync'), {}, environment);
    expect(second.status).toBe(202);
    expect(second.body).toMatchObject({ started: false, status: 'joined' });
    const status = await handleRoute(route('getSyncStatus'), {}, environment);
    expect(status.body).toMatchObject({
      configured: true,
      status: 'running',
      running: true,
      progress: {
        phase: 'observations',
        pages: 2,
        records: 150,
        updated_at: '2026-11-20T12:00:00.000Z',
      },
    });
    const health = await handleRoute(route('getHealth'), {}, environment);
    expect(health.body).toMatchObject({ sync: { configured: true, running: true } });
    sync.finish();
    expect(sync.triggers).toBe(2);
  });

  it('answers 403 READ_ONLY in read-only mode without triggering', async () => {
    const sync = fakeSync(NOW);
    const dashboard = await handMadeDashboard({ sync });
    const result = await handleRoute(route('triggerSync'), {}, { dashboard, readOnly: true });
    expect(result).toEqual({
      status: 403,
      body: { detail: 'The dashboard is read-only', code: 'READ_ONLY' },
    });
    expect(sync.triggers).toBe(0);
  });

  it('answers 409 without a sync service, and reports the stored state', async () => {
    const dashboard = await handMadeDashboard();
    const trigger = await handleRoute(route('triggerSync'), {}, { dashboard });
    expect(trigger.status).toBe(409);
    await dashboard.store.saveSyncState({
      status: 'success',
      lastSuccessAt: NOW - 1000,
      watermark: NOW - 5000,
      checkpoint: { cursor: 'secret-ish' },
      lastRun: {
        startedAt: NOW - 3000,
        finishedAt: NOW - 1000,
        status: 'success',
        counts: { sessions: 1, traces: 2, observations: 3, scores: 4 },
        requests: 7,
        durationMs: 2000,
        error: null,
      },
    });
    const status = await handleRoute(route('getSyncStatus'), {}, { dashboard });
    expect(status.body).toEqual({
      configured: false,
      status: 'success',
      running: false,
      api_mode: null,
      watermark: '2026-11-20T11:59:55.000Z',
      last_success_at: '2026-11-20T11:59:59.000Z',
      last_run: {
        started_at: '2026-11-20T11:59:57.000Z',
        finished_at: '2026-11-20T11:59:59.000Z',
        status: 'success',
        counts: { sessions: 1, traces: 2, observations: 3, scores: 4 },
        requests: 7,
        duration_ms: 2000,
        error: null,
      },
      progress: null,
    });
  });
});
