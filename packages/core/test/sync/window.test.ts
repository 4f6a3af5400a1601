import { describe, expect, it } from 'vitest';
import { createMemoryStore, resolveSyncOptions, runWindow } from '../../src/index';
import { FakeLangfuse } from './support/fake-client';

describe('runWindow', () => {
  it('reads everything before the run start on the first run', () => {
    expect(
      runWindow({ watermark: null, lookbackMs: 3_600_000, startFrom: null, runStart: 50 }),
    ).toEqual({
      from: null,
      to: 50,
    });
  });

  it('starts a lookback before the watermark, but never before startFrom or after the run start', () => {
    const base = { lookbackMs: 3_000, runStart: 20_000 };
    expect(runWindow({ ...base, watermark: 10_000, startFrom: null })).toEqual({
      from: 7_000,
      to: 20_000,
    });
    expect(runWindow({ ...base, watermark: 10_000, startFrom: 8_000 })).toEqual({
      from: 8_000,
      to: 20_000,
    });
    expect(runWindow({ ...base, watermark: null, startFrom: 5_000 })).toEqual({
      from: 5_000,
      to: 20_000,
    });
    expect(runWindow({ ...base, watermark: 30_000, startFrom: null })).toEqual({
      from: 20_000,
      to: 20_000,
    });
  });
});

describe('resolveSyncOptions', () => {
  const client = new FakeLangfuse().client;
  const store = createMemoryStore();

  it('applies the documented defaults', () => {
    const o = resolveSyncOptions({ client, store });
    expect(o).toMatchObject({
      apiMode: 'auto',
      lookbackMs: 3_600_000,
      startFrom: null,
      v2PageSize: 1000,
      legacyPageSize: 100,
      leaseTtlMs: 120_000,
    });
    expect(o.owner).toMatch(/^sync-/);
    expect(resolveSyncOptions({ client, store }).owner).not.toBe(o.owner);
  });

  it('accepts startFrom as epoch ms, ISO text or a Date, and caps pageSize per API', () => {
    const at = Date.parse('2026-10-01T00:00:00Z');
    expect(resolveSyncOptions({ client, store, startFrom: at }).startFrom).toBe(at);
    expect(resolveSyncOptions({ client, store, startFrom: '2026-10-01T00:00:00Z' }).startFrom).toBe(
      at,
    );
    expect(resolveSyncOptions({ client, store, startFrom: new Date(at) }).startFrom).toBe(at);
    const o = resolveSyncOptions({ client, store, pageSize: 500 });
    expect([o.v2PageSize, o.legacyPageSize]).toEqual([500, 100]);
  });
});
