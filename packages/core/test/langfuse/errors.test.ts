import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DashboardError, isLangfuseError, LangfuseError } from '../../src/index';

describe('DashboardError', () => {
  it('carries a stable code, its class name and a JSON form with a summarized cause', () => {
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const error = new DashboardError('SOMETHING', 'It broke', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DashboardError');
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      name: 'DashboardError',
      code: 'SOMETHING',
      message: 'It broke',
      cause: { name: 'Error', message: 'socket hang up', code: 'ECONNRESET' },
    });
  });

  it('has no cause key when none was given', () => {
    expect(new DashboardError('X', 'm').toJSON()).toEqual({
      name: 'DashboardError',
      code: 'X',
      message: 'm',
    });
    expect('cause' in new DashboardError('X', 'm')).toBe(false);
  });
});

describe('LangfuseError', () => {
  it('serializes its details and is recognized by isLangfuseError', () => {
    const error = new LangfuseError('LANGFUSE_RATE_LIMITED', 'slow down', {
      status: 429,
      method: 'GET',
      path: '/api/public/v2/observations',
      retryAfterMs: 120_000,
      attempts: 1,
    });
    expect(error).toBeInstanceOf(DashboardError);
    expect(error.name).toBe('LangfuseError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'LangfuseError',
      code: 'LANGFUSE_RATE_LIMITED',
      message: 'slow down',
      status: 429,
      method: 'GET',
      path: '/api/public/v2/observations',
      retryAfterMs: 120_000,
      attempts: 1,
    });
    expect(isLangfuseError(error)).toBe(true);
    expect(isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')).toBe(true);
    expect(isLangfuseError(error, 'LANGFUSE_AUTH')).toBe(false);
    // Recognised by brand and code, not class, so errors from another copy of the package count.
    expect(isLangfuseError(new DashboardError('LANGFUSE_AUTH', 'x'))).toBe(true);
    expect(isLangfuseError(new DashboardError('STORE_UNAVAILABLE', 'x'))).toBe(false);
    expect(isLangfuseError('LANGFUSE_AUTH')).toBe(false);
    expect(inspect(error)).toContain('LANGFUSE_RATE_LIMITED');
  });
});
