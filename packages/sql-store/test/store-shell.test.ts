import { isDashboardError, StoreError, type TouchedKeys } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { guardedCalls, openOrUnavailable, PendingRefresh } from '../src/index';

describe('guardedCalls', () => {
  it('turns a driver failure into STORE_UNAVAILABLE named for the engine, keeping the cause', async () => {
    const cause = new Error('connection reset');
    const error = await guardedCalls('SQLite')
      .use(() => Promise.reject(cause))
      .catch((e: unknown) => e);
    expect(isDashboardError(error, 'STORE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toBe('The SQLite store failed to answer');
    expect((error as Error).cause).toBe(cause);
  });

  it('passes a DashboardError through unchanged', async () => {
    const own = new StoreError('STORE_INVALID_QUERY', 'bad range');
    await expect(guardedCalls('SQLite').guard(() => Promise.reject(own))).rejects.toBe(own);
  });

  it('runs nothing once closed, and reports the close only the first time', async () => {
    const calls = guardedCalls('PostgreSQL');
    expect(await calls.use(async () => 1)).toBe(1);
    expect(calls.markClosed()).toBe(true);
    expect(calls.markClosed()).toBe(false);
    let ran = false;
    const error = await calls
      .use(async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect((error as Error).message).toBe('The PostgreSQL store is closed');
  });

  it('fails opening with STORE_UNAVAILABLE', async () => {
    const error = await openOrUnavailable('PostgreSQL', Promise.reject(new Error('refused'))).catch(
      (e: unknown) => e,
    );
    expect(isDashboardError(error, 'STORE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toBe('The PostgreSQL database could not be opened');
  });
});

describe('PendingRefresh', () => {
  const touched = (id: string): TouchedKeys => ({
    sessionIds: [id],
    traceIds: [],
    agentNames: [],
    models: [],
    hourBuckets: [],
  });
  const noRebuild = () => Promise.reject(new Error('no rebuild expected'));

  it('reports the keys of every upsert since the last refresh, then none', async () => {
    const pending = new PendingRefresh();
    pending.add(touched('s1'));
    pending.add(touched('s2'));
    expect((await pending.refresh(undefined, noRebuild)).sessions).toBe(2);
    expect((await pending.refresh(undefined, noRebuild)).sessions).toBe(0);
  });

  it('reports the keys passed, and forgets the pending ones', async () => {
    const pending = new PendingRefresh();
    pending.add(touched('s1'));
    expect((await pending.refresh(touched('s9'), noRebuild)).sessions).toBe(1);
    expect((await pending.refresh(undefined, noRebuild)).sessions).toBe(0);
  });

  it("rebuilds for 'all'", async () => {
    const pending = new PendingRefresh();
    pending.add(touched('s1'));
    const rebuilt = { sessions: 7, traces: 0, agents: 0, models: 0, hourBuckets: 0 };
    expect(await pending.refresh('all', async () => rebuilt)).toBe(rebuilt);
    expect((await pending.refresh(undefined, noRebuild)).sessions).toBe(0);
  });
});
