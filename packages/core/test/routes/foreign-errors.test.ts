import {
  createDashboard,
  createMemoryStore,
  DashboardError,
  defineRoute,
  handleRoute,
  isDashboardError,
  isLangfuseError,
} from '@cupid-dashboard/core';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

/** A route whose handler throws `error`, to see how handleRoute maps it. */
function throwing(error: unknown) {
  return defineRoute({
    method: 'GET',
    path: '/api/throw',
    operationId: 'throwIt',
    summary: 'Throws',
    tags: ['test'],
    schemas: { response: { 200: z.object({}) } },
    handler: async () => {
      throw error;
    },
  });
}

/** Error classes from a second, freshly evaluated copy of the modules (as a duplicated install). */
async function secondCopy() {
  vi.resetModules();
  const routes = await import('../../src/routes/errors');
  const analytics = await import('../../src/analytics/errors');
  const store = await import('../../src/store/errors');
  const langfuse = await import('../../src/langfuse/errors');
  return { ...routes, ...analytics, ...store, ...langfuse };
}

const logger = { error: vi.fn() };
const dashboard = createDashboard({ store: createMemoryStore() });
const answer = (error: unknown) => handleRoute(throwing(error), {}, { dashboard, logger });

describe('errors from another copy of the package', () => {
  it('are not instances of this copy, yet map to their status', async () => {
    const copy = await secondCopy();
    const notFound = new copy.RouteError('NOT_FOUND', 'Agent not found: X');
    expect(notFound).not.toBeInstanceOf(DashboardError);
    expect(await answer(notFound)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND', detail: 'Agent not found: X' },
    });
    expect(
      await answer(
        new copy.RouteError('VALIDATION_ERROR', 'Invalid', [
          { field: 'page', message: 'bad page' },
        ]),
      ),
    ).toMatchObject({
      status: 422,
      body: { code: 'VALIDATION_ERROR', errors: [{ field: 'page', message: 'bad page' }] },
    });
    expect(await answer(new copy.AnalyticsError('to', 'to is before from'))).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'to', message: 'to is before from' }] },
    });
    expect(await answer(new copy.StoreError('STORE_UNAVAILABLE', '/secret/path'))).toMatchObject({
      status: 503,
      body: { code: 'STORE_UNAVAILABLE', detail: 'The data store is unavailable' },
    });
    const limited = new copy.LangfuseError('LANGFUSE_RATE_LIMITED', 'slow down', {
      retryAfterMs: 30_000,
    });
    expect(isLangfuseError(limited, 'LANGFUSE_RATE_LIMITED')).toBe(true);
    expect(await answer(limited)).toMatchObject({ status: 429, headers: { 'Retry-After': '30' } });
  });

  it('recognises the brand on any object, and nothing without it', async () => {
    const branded = Object.assign(new Error('Session not found'), { code: 'NOT_FOUND' });
    Object.defineProperty(branded, Symbol.for('cupid-dashboard.error'), { value: true });
    expect(isDashboardError(branded, 'NOT_FOUND')).toBe(true);
    expect((await answer(branded)).status).toBe(404);

    const unbranded = Object.assign(new Error('Session not found'), { code: 'NOT_FOUND' });
    expect(isDashboardError(unbranded)).toBe(false);
    expect(await answer(unbranded)).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(isLangfuseError(new DashboardError('NOT_FOUND', 'x'))).toBe(false);
  });

  it('keeps the brand out of JSON and enumeration', () => {
    const error = new DashboardError('NOT_FOUND', 'gone');
    // A spread copies enumerable symbols: the brand must not be one.
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'DashboardError',
      code: 'NOT_FOUND',
      message: 'gone',
    });
    expect(isDashboardError(error, 'READ_ONLY')).toBe(false);
  });
});
