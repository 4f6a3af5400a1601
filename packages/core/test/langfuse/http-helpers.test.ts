import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from '../../src/index';
import { basicAuthHeader } from '../../src/langfuse/http/auth';
import { backoffDelayMs } from '../../src/langfuse/http/backoff';
import { createPacer } from '../../src/langfuse/http/pacer';
import { sanitizeError } from '../../src/langfuse/http/sanitize';
import { sleep } from '../../src/langfuse/http/sleep';

afterEach(() => vi.useRealTimers());

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(' 120 ', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 20_000)).toBe(0);
    expect(parseRetryAfter('-1', 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  it('doubles the ceiling per retry, caps it, and scales it by the random draw', () => {
    const options = { baseMs: 500, maxMs: 30_000 };
    expect([0, 1, 2, 3].map((n) => backoffDelayMs(n, { ...options, random: () => 0.5 }))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect(backoffDelayMs(10, { ...options, random: () => 0.5 })).toBe(15_000);
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(0);
  });
});

describe('basicAuthHeader', () => {
  it('encodes public:secret', () => {
    expect(basicAuthHeader('pk-lf-1', 'sk-lf-1')).toBe('Basic cGstbGYtMTpzay1sZi0x');
    expect(basicAuthHeader('pk-lf-é', 'sk')).toBe(
      `Basic ${Buffer.from('pk-lf-é:sk', 'utf8').toString('base64')}`,
    );
  });
});

describe('sanitizeError', () => {
  it('keeps name, message, code and cause chain but nothing else, masking secrets', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      headers: { authorization: 'Basic abc' },
    });
    const outer = Object.assign(new TypeError('fetch failed for sk-lf-9', { cause: inner }), {
      options: { headers: 'Basic abc' },
    });
    const safe = sanitizeError(outer, ['sk-lf-9']);
    expect(safe.name).toBe('TypeError');
    expect(safe.message).toBe('fetch failed for [redacted]');
    expect(Object.keys(safe).sort()).toEqual(['cause', 'name']);
    expect((safe.cause as Error & { code: string }).code).toBe('ECONNREFUSED');
    expect(Object.keys(safe.cause as object).sort()).toEqual(['code', 'name']);
    expect(inspect(safe, { depth: 10, showHidden: true })).not.toContain('Basic abc');
  });
});

describe('sleep and pacer', () => {
  it('sleep rejects at once when the signal aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('spaces request starts 60000 / requestsPerMinute ms apart', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const pacer = createPacer(30);
    const started: number[] = [];
    const all = Promise.all(
      [0, 1, 2].map(() => pacer.acquire().then(() => started.push(Date.now()))),
    );
    await vi.advanceTimersByTimeAsync(4_000);
    await all;
    expect(started).toEqual([0, 2000, 4000]);
  });

  it('never waits without requestsPerMinute', async () => {
    vi.useFakeTimers();
    const pacer = createPacer(undefined);
    await pacer.acquire();
    await pacer.acquire();
    expect(vi.getTimerCount()).toBe(0);
  });
});
