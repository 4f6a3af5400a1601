import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { smallWorld } from './helpers/records';

const MINUTE = Date.parse('2026-11-20T10:00:00.000Z');

describe('Cloud-like rate limits', () => {
  it('limits each bucket in fixed one-minute windows and reports when to retry', async () => {
    let now = MINUTE + 15_000; // 45 s before the window ends
    const sim = createLangfuseSimulator({
      dataset: smallWorld(),
      now: () => now,
      rateLimit: { requestsPerMinute: 3, legacyRequestsPerMinute: 2 },
    });
    for (let i = 0; i < 2; i++) expect((await get(sim, '/api/public/traces')).status).toBe(200);
    const limited = await get(sim, '/api/public/sessions');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Date.parse(limited.headers.get('x-ratelimit-reset') ?? '')).toBe(MINUTE + 60_000);
    expect(limited.body).toEqual({
      message: expect.any(String),
      code: 'rate_limited',
      details: {
        retryAfterSeconds: 45,
        limit: 2,
        remaining: 0,
        resetAt: '2026-11-20T10:01:00.000Z',
      },
    });

    // The general bucket is separate, and health and projects are not limited.
    for (let i = 0; i < 3; i++) {
      expect((await get(sim, '/api/public/v2/observations')).status).toBe(200);
    }
    expect((await get(sim, '/api/public/v2/observations')).status).toBe(429);
    expect((await get(sim, '/api/public/health', false)).status).toBe(200);
    expect((await get(sim, '/api/public/projects')).status).toBe(200);

    now = MINUTE + 59_999;
    expect((await get(sim, '/api/public/traces')).headers.get('retry-after')).toBe('1');
    now = MINUTE + 60_000; // a new window
    expect((await get(sim, '/api/public/traces')).status).toBe(200);
    expect((await get(sim, '/api/public/v2/observations')).status).toBe(200);
  });

  it('does not count a rejected request or a 401 against the window', async () => {
    const now = MINUTE;
    const sim = createLangfuseSimulator({ now: () => now, rateLimit: { requestsPerMinute: 1 } });
    expect((await get(sim, '/api/public/v2/observations', false)).status).toBe(401);
    expect((await get(sim, '/api/public/v2/observations')).status).toBe(200);
    expect((await get(sim, '/api/public/v2/observations')).status).toBe(429);
    // Legacy reads have no limit configured here.
    expect((await get(sim, '/api/public/traces')).status).toBe(200);
  });
});
