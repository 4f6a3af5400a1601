import type { Dashboard } from '@cupid-dashboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { mountedApp } from './support/app';
import { seededDashboard, stores } from './support/dataset';

const open = stores[0]?.[1] as (typeof stores)[number][1];
let dashboard: Dashboard;
beforeAll(async () => {
  dashboard = await seededDashboard(open);
});

describe('apiKeys configuration', () => {
  it.each([
    ['an empty list', []],
    ['an empty key', ['']],
    ['a blank key', ['   ']],
    ['an empty key beside a good one', ['key-one', '']],
  ])('refuses %s with DASHBOARD_CONFIG before serving anything', (_label, apiKeys) => {
    expect(() => dashboardRouter(dashboard, { apiKeys })).toThrow(
      expect.objectContaining({
        code: 'DASHBOARD_CONFIG',
        message: expect.stringMatching(/apiKeys/),
      }),
    );
  });

  it('trims configured keys as it trims the presented one, and 401s an empty header', async () => {
    const { agent } = await mountedApp(dashboard, '', { apiKeys: ['  key-two\n'] });
    const url = '/api/sessions?limit=1';
    expect((await agent.get(url).set('X-API-Key', 'key-two')).status).toBe(200);
    expect((await agent.get(url).set('Authorization', 'Bearer key-two ')).status).toBe(200);
    expect((await agent.get(url).set('X-API-Key', '')).status).toBe(401);
    expect((await agent.get(url).set('X-API-Key', '  ')).status).toBe(401);
  });
});
