import { describe, expect, it } from 'vitest';
import {
  DashboardError,
  isDashboardError,
  isStoreError,
  StoreError,
  type UpsertBatch,
  validateUpsertBatch,
} from '../../src/index';
import { observation, session, trace } from '../../src/testing/index';

function errorOf(batch: UpsertBatch): unknown {
  try {
    validateUpsertBatch(batch);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('validateUpsertBatch', () => {
  it('accepts valid records, null optional times and an empty batch', () => {
    expect(errorOf({})).toBeUndefined();
    expect(
      errorOf({
        sessions: [session('s')],
        traces: [trace({ id: 't', updatedAt: null })],
        observations: [observation({ id: 'o', endTime: null, updatedAt: 5 })],
      }),
    ).toBeUndefined();
  });

  it.each<[string, UpsertBatch, string]>([
    [
      'trace updatedAt NaN',
      { traces: [trace({ id: 't', updatedAt: Number.NaN })] },
      'The trace t has an invalid updatedAt',
    ],
    [
      'trace timestamp Infinity',
      { traces: [trace({ id: 't', timestamp: Infinity })] },
      'The trace t has an invalid timestamp',
    ],
    [
      'observation updatedAt -Infinity',
      { observations: [observation({ id: 'o', updatedAt: -Infinity })] },
      'The observation o has an invalid updatedAt',
    ],
    [
      'observation endTime NaN',
      { observations: [observation({ id: 'o', endTime: Number.NaN })] },
      'The observation o has an invalid endTime',
    ],
    [
      'observation startTime NaN',
      { observations: [observation({ id: 'o', startTime: Number.NaN })] },
      'The observation o has an invalid startTime',
    ],
    [
      'session createdAt NaN',
      { sessions: [session('s', Number.NaN)] },
      'The session s has an invalid createdAt',
    ],
    [
      'observation without id',
      { observations: [observation({ id: '' })] },
      'A observation record has no id',
    ],
  ])('rejects %s with STORE_INVALID_RECORD', (_label, batch, message) => {
    const error = errorOf(batch);
    expect(isDashboardError(error, 'STORE_INVALID_RECORD')).toBe(true);
    expect((error as Error).message).toBe(message);
  });

  it('rejects a time given as a string (untyped callers)', () => {
    const untyped = { traces: [{ ...trace({ id: 't' }), timestamp: '2026-11-20' }] };
    expect(isStoreError(errorOf(untyped as unknown as UpsertBatch), 'STORE_INVALID_RECORD')).toBe(
      true,
    );
  });
});

describe('isStoreError', () => {
  it('checks the brand and a STORE_ code, not the class', () => {
    expect(isStoreError(new StoreError('STORE_UNAVAILABLE', 'down'))).toBe(true);
    expect(isStoreError(new StoreError('STORE_UNAVAILABLE', 'down'), 'STORE_INVALID_QUERY')).toBe(
      false,
    );
    expect(isStoreError(new DashboardError('NOT_FOUND', 'no such session'))).toBe(false);
    expect(isStoreError(new Error('STORE_UNAVAILABLE'))).toBe(false);
    // What a second copy of the package would throw: same brand, another class.
    const copy = Object.assign(new Error('down'), {
      [Symbol.for('cupid-dashboard.error')]: true,
      code: 'STORE_UNAVAILABLE',
    });
    expect(copy instanceof StoreError).toBe(false);
    expect(isStoreError(copy, 'STORE_UNAVAILABLE')).toBe(true);
  });
});
