import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardStore } from '../../src/index';
import { StoreError } from '../../src/index';
import { LeaseKeeper } from '../../src/sync/lease';

const TTL = 30_000; // renewals every 10 s; a failed one is retried after 1 s

/** A store whose renewLease answers from `answers` in turn (true, false, or 'throw'). */
function fakeStore(answers: (boolean | 'throw')[]) {
  const renewals: number[] = [];
  const store = {
    acquireLease: vi.fn(async () => true),
    releaseLease: vi.fn(async () => undefined),
    renewLease: vi.fn(async () => {
      renewals.push(Date.now());
      const answer = answers.shift() ?? true;
      if (answer === 'throw') throw new StoreError('STORE_UNAVAILABLE', 'database is locked');
      return answer;
    }),
  };
  return { store: store as unknown as DashboardStore, renewals, renewLease: store.renewLease };
}

async function keep(answers: (boolean | 'throw')[]) {
  const fake = fakeStore(answers);
  const onLost = vi.fn();
  const lease = await LeaseKeeper.acquire(fake.store, 'me', TTL, Date.now, onLost);
  if (!lease) throw new Error('not acquired');
  return { ...fake, onLost, lease };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LeaseKeeper', () => {
  it('renews every third of the lifetime while the store says it is held', async () => {
    const { renewals, onLost, lease } = await keep([]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(renewals).toEqual([10_000, 20_000, 30_000]);
    expect(onLost).not.toHaveBeenCalled();
    await lease.release();
  });

  it('retries a renewal that threw once, after 1 s, and keeps the lease when that works', async () => {
    const { renewals, onLost, lease } = await keep(['throw', true]);
    await vi.advanceTimersByTimeAsync(21_000);
    expect(renewals).toEqual([10_000, 11_000, 21_000]);
    expect(onLost).not.toHaveBeenCalled();
    await lease.release();
  });

  it('declares the lease lost when the retry fails too', async () => {
    const { renewals, onLost } = await keep(['throw', 'throw']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toEqual([10_000, 11_000]);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]?.[0]).toMatchObject({ code: 'SYNC_LEASE_LOST' });
  });

  it('declares the lease lost at once when another owner holds it', async () => {
    const { renewals, onLost } = await keep([false]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toEqual([10_000]);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]?.[0]).toMatchObject({
      code: 'SYNC_LEASE_LOST',
      message: expect.stringMatching(/another process/),
    });
  });

  it('never starts a renewal while the previous one is pending', async () => {
    const { store, renewals, renewLease, lease } = await keep([]);
    let finish: (held: boolean) => void = () => undefined;
    renewLease.mockImplementationOnce(async () => {
      renewals.push(Date.now());
      return new Promise<boolean>((resolve) => {
        finish = resolve;
      });
    });
    await vi.advanceTimersByTimeAsync(45_000); // the first renewal hangs for 35 s
    expect(renewals).toEqual([10_000]);
    finish(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(renewals).toEqual([10_000, 55_000]);
    await lease.release();
    expect(store.releaseLease).toHaveBeenCalledWith('me');
  });

  it('stops renewing once released', async () => {
    const { renewals, lease } = await keep([]);
    await lease.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toEqual([]);
  });
});
