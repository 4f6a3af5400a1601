import {
  AnalyticsError,
  DashboardError,
  ERROR_STATUS,
  errorResult,
  LangfuseError,
  RouteError,
  StoreError,
} from '@cupid-dashboard/core';
import { describe, expect, it, vi } from 'vitest';

const logger = { error: vi.fn() };

describe('errorResult', () => {
  it('maps each known code to its status in one table', () => {
    expect(ERROR_STATUS).toMatchObject({
      VALIDATION_ERROR: 422,
      STORE_INVALID_QUERY: 422,
      NOT_FOUND: 404,
      READ_ONLY: 403,
      UNAUTHORIZED: 401,
      SYNC_NOT_CONFIGURED: 409,
      LANGFUSE_RATE_LIMITED: 429,
      STORE_UNAVAILABLE: 503,
    });
  });

  it('gives 422 field errors for route, analytics and store errors', () => {
    const route = new RouteError('VALIDATION_ERROR', 'bad', [
      { field: 'limit', message: 'too big' },
    ]);
    expect(errorResult(route, logger).body).toEqual({
      detail: 'bad',
      code: 'VALIDATION_ERROR',
      errors: [{ field: 'limit', message: 'too big' }],
    });
    expect(errorResult(new AnalyticsError('to', 'to must be after from'), logger).body).toEqual({
      detail: 'to must be after from',
      code: 'ANALYTICS_INVALID_QUERY',
      errors: [{ field: 'to', message: 'to must be after from' }],
    });
    const store = errorResult(new StoreError('STORE_INVALID_QUERY', 'limit out of range'), logger);
    expect(store).toMatchObject({ status: 422, body: { errors: [{ field: 'query' }] } });
  });

  it('answers 429 with Retry-After in whole seconds', () => {
    const error = new LangfuseError('LANGFUSE_RATE_LIMITED', 'slow down', { retryAfterMs: 1500 });
    const result = errorResult(error, logger);
    expect(result.status).toBe(429);
    expect(result.headers).toEqual({ 'Retry-After': '2' });
  });

  it('passes http-errors style client errors through as JSON', () => {
    const malformed = Object.assign(new URIError('Failed to decode param'), {
      status: 400,
      expose: true,
    });
    expect(errorResult(malformed, logger)).toEqual({
      status: 400,
      body: { detail: 'Failed to decode param', code: 'BAD_REQUEST' },
    });
    const denied = Object.assign(new Error('Not allowed'), { status: 403, expose: true });
    expect(errorResult(denied, logger).body).toEqual({ detail: 'Not allowed', code: 'FORBIDDEN' });
  });

  it('hides unknown errors and unknown codes behind a 500, logging them', () => {
    logger.error.mockReset();
    const unknown = new DashboardError('SOMETHING_NEW', 'internal detail');
    expect(errorResult(unknown, logger)).toEqual({
      status: 500,
      body: { detail: 'Internal server error', code: 'INTERNAL' },
    });
    const exposed500 = Object.assign(new Error('db down'), { status: 500, expose: true });
    expect(errorResult(exposed500, logger).status).toBe(500);
    const hidden = Object.assign(new Error('private'), { statusCode: 404, expose: false });
    expect(errorResult(hidden, logger).status).toBe(500);
    expect(errorResult('a string', logger).status).toBe(500);
    expect(logger.error).toHaveBeenCalledTimes(4);
  });
});
