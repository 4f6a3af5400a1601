import { dashboardRoutes, handleRoute } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { handMadeDashboard } from '../analytics/fixture';

const listSessions = dashboardRoutes.find((route) => route.operationId === 'listSessions');
const call = async (query: Record<string, string>) => {
  if (!listSessions) throw new Error('no listSessions route');
  return handleRoute(listSessions, { query }, { dashboard: await handMadeDashboard() });
};

describe('query parameter errors', () => {
  it('names a value failing several checks with one message once', async () => {
    const result = await call({ page: '99999999999999999999' });
    expect(result.status).toBe(422);
    expect((result.body as { errors: unknown[] }).errors).toEqual([
      { field: 'page', message: 'page must be an integer from 1 to 1000000' },
    ]);
  });

  it('keeps distinct problems of different fields apart', async () => {
    const result = await call({ page: '0', limit: '0' });
    expect((result.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'page',
      'limit',
    ]);
  });

  it('answers empty dates (?from=&to=) with 422 naming both, not a 500', async () => {
    const result = await call({ from: '', to: '' });
    expect(result.status).toBe(422);
    expect((result.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'from',
      'to',
    ]);
  });

  it('treats an empty number (?limit=&page=) as absent, so the defaults apply', async () => {
    const result = await call({ limit: '', page: '' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ pagination: { page: 1, limit: 50 } });
  });
});
