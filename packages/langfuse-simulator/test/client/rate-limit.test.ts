import { isLangfuseError } from '@cupid-dashboard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { smallWorld } from '../helpers/records';
import { collect, connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';
import { realPause, untilReal } from './helpers/wait';

// Only the client's waits are faked: sockets, setImmediate and performance stay real.
function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}
// The simulator reads the global clock at each call, so it sees the fake one.
const now = () => Date.now();

afterEach(() => {
  vi.useRealTimers();
});

describe.each(TRANSPORTS)('rate limits over %s', (_name, transport) => {
  it('sleeps through a 2 s Retry-After (fake time) and then succeeds', async () => {
    useFakeClock();
    const { sim, client, logger } = await connect(transport, { dataset: smallWorld(), now });
    sim.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 2 });

    const call = client.getObservationsV2({ limit: 10 });
    await untilReal(() => logger.calls.length > 0);
    expect(logger.calls[0]?.context).toMatchObject({ status: 429, retry: 1, delayMs: 2000 });

    await vi.advanceTimersByTimeAsync(1999);
    await realPause();
    expect(sim.requests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    const page = await call;
    expect(page.data.map((o) => o.id)).toEqual(['o5', 'o4', 'o3', 'o2', 'o1']);
    expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
    const [first, second] = sim.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    expect(client.stats).toEqual({ requests: 2, retries: 1, rateLimited: 1, failures: 0 });
  });

  it("waits out the simulator's own one-minute window, then finishes the walk", async () => {
    useFakeClock();
    // 45 s into a minute: the window resets in 15 s.
    vi.setSystemTime(Date.parse('2026-11-20T10:00:45.000Z'));
    const { sim, client, logger } = await connect(transport, {
      dataset: smallWorld(),
      now,
      rateLimit: { requestsPerMinute: 2 },
    });

    const walk = collect(client.paginateObservationsV2({ limit: 2 }));
    await untilReal(() => logger.calls.length > 0);
    // Pages 1 and 2 used the window's two requests; page 3 was refused until 10:01:00.
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(logger.calls[0]?.context).toMatchObject({ status: 429, delayMs: 15_000 });

    await vi.advanceTimersByTimeAsync(15_000);
    const pages = await walk;
    expect(pages.flatMap((p) => p.data.map((o) => o.id))).toEqual(['o5', 'o4', 'o3', 'o2', 'o1']);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(sim.requests[3]?.at).toBe(Date.parse('2026-11-20T10:01:00.000Z'));
    expect(client.stats).toMatchObject({ requests: 4, retries: 1, rateLimited: 1 });
  });

  it('fails at once with LANGFUSE_RATE_LIMITED when Retry-After exceeds maxRetryAfterMs', async () => {
    const { sim, client } = await connect(
      transport,
      { dataset: smallWorld() },
      { maxRetryAfterMs: 60_000 },
    );
    sim.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 120 });

    const error = await client.getObservationsV2().catch((e: unknown) => e);
    expect(isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, attempts: 1 });
    expect(sim.requests).toHaveLength(1);
    expect(client.stats).toEqual({ requests: 1, retries: 0, rateLimited: 1, failures: 1 });
  });
});
