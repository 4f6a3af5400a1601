import { describe, expect, it, vi } from 'vitest';
import { isLangfuseError } from '../../src/index';
import { createFakeLangfuse, type FakeLangfuse } from './support/fake-langfuse';
import { mswClient as client, collect, rejection } from './support/helpers';
import { useMswServer } from './support/msw-server';

let fake: FakeLangfuse = createFakeLangfuse();
useMswServer(() => fake);

// Waits run on fake timers (setTimeout and Date only: msw's own plumbing keeps real I/O callbacks).
describe('Langfuse client over msw: waits, timeouts, pacing', () => {
  it('honours Retry-After on 429: waits exactly that long, then retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { message: 'rate limited' },
    });
    const c = client({ retryBaseDelayMs: 500 });
    const pending = c.getSessions();
    await vi.advanceTimersByTimeAsync(6_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ data: [{ id: 'session-0' }] });
    expect(fake.requests).toHaveLength(2);
    expect(c.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1, failures: 0 });
  });

  it('fails fast with LANGFUSE_RATE_LIMITED when Retry-After exceeds maxRetryAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue({ status: 429, headers: { 'Retry-After': '3600' } });
    const c = client({ maxRetryAfterMs: 60_000 });
    const error = await rejection(c.getObservationsV2());
    expect(error).toMatchObject({
      code: 'LANGFUSE_RATE_LIMITED',
      retryAfterMs: 3_600_000,
      status: 429,
    });
    expect(isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(c.stats).toEqual({ requests: 1, retries: 0, rateLimited: 1, failures: 1 });
  });

  it('backs off with full jitter when a 429 has no Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue({ status: 429 }, { status: 429 });
    const c = client({ retryBaseDelayMs: 1000, random: () => 0.5 });
    const pending = c.getSessions();
    await vi.advanceTimersByTimeAsync(499); // first retry: 0.5 × 1000
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999); // second retry: 0.5 × 2000
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBeTruthy();
    expect(c.stats.rateLimited).toBe(2);
  });

  it('times out a request that never gets an answer, and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue('hang', 'hang');
    const c = client({ timeoutMs: 1_000, maxRetries: 1 });
    const pending = rejection(c.getSessions());
    await vi.advanceTimersByTimeAsync(1_000);
    // The aborted exchange unwinds through real microtasks and I/O callbacks: poll for the retry.
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await pending;
    expect(error).toMatchObject({ code: 'LANGFUSE_TIMEOUT', attempts: 2 });
    expect(error.message).toContain('1000 ms');
  });

  it('paces requests to requestsPerMinute', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse({ observationsV2: 30 });
    const c = client({ requestsPerMinute: 30 });
    const walk = collect(c.paginateObservationsV2({ limit: 10 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await walk).map((p) => p.data.length)).toEqual([10, 10, 10]);
  });

  it('stops promptly when the signal aborts, even during a retry wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fake = createFakeLangfuse();
    fake.enqueue({ status: 429, headers: { 'Retry-After': '30' } });
    const controller = new AbortController();
    const c = client();
    const pending = rejection(c.getSessions({}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('LANGFUSE_ABORTED');
    expect(fake.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours Retry-After on 503, and an HTTP-date Retry-After on 429', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2026-11-20T10:00:00.000Z'));
    fake = createFakeLangfuse({ sessions: 1 });
    fake.enqueue(
      { status: 503, headers: { 'Retry-After': '2' } },
      { status: 429, headers: { 'Retry-After': 'Fri, 20 Nov 2026 10:00:05 GMT' } },
    );
    const c = client({ retryBaseDelayMs: 10_000 });
    const pending = c.getSessions();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    // The second wait ends at 10:00:05, 3 s after the 429 arrived at 10:00:02.
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ data: [{ id: 'session-0' }] });
    expect(c.stats).toEqual({ requests: 3, retries: 2, rateLimited: 1, failures: 0 });
  });
});
