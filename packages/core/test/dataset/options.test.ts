import { describe, expect, it } from 'vitest';
import type { CupidDatasetOptions } from '../../src/testing/dataset/index';
import {
  DatasetOptionError,
  generateCupidDataset,
  resolveDatasetOptions,
  streamCupidDataset,
} from '../../src/testing/dataset/index';

describe('dataset options', () => {
  it('has fixed defaults that do not depend on the clock', () => {
    const resolved = resolveDatasetOptions();
    expect(resolved).toEqual({
      seed: 1,
      sessions: 100,
      days: 30,
      from: Date.parse('2026-10-16T00:00:00.000Z'),
      to: Date.parse('2026-11-15T00:00:00.000Z'),
      users: 33,
      abandonRate: 0.3,
      errorRate: 0.08,
      anonymousRate: 0.05,
      lateUpdates: 0,
      cachedTokensRate: 0.3,
      environment: 'default',
      scores: true,
    });
  });

  it('accepts end as epoch ms or ISO string alike, and lateUpdates true as 5 %', () => {
    const iso = resolveDatasetOptions({ end: '2026-01-02T00:00:00Z', days: 1 });
    const ms = resolveDatasetOptions({ end: Date.parse('2026-01-02T00:00:00Z'), days: 1 });
    expect(ms).toEqual(iso);
    expect(iso.from).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(resolveDatasetOptions({ lateUpdates: true }).lateUpdates).toBe(0.05);
    expect(resolveDatasetOptions({ sessions: 1 }).users).toBe(1);
    expect(resolveDatasetOptions({ sessions: 100_000 }).users).toBe(33_333);
  });

  const invalid: [keyof CupidDatasetOptions, unknown][] = [
    ['seed', Number.NaN],
    ['sessions', 0],
    ['sessions', 100_001],
    ['sessions', 2.5],
    ['days', 0],
    ['days', -3],
    ['end', 'not a date'],
    ['users', 0],
    ['abandonRate', 1.5],
    ['errorRate', -0.1],
    ['anonymousRate', Number.NaN],
    ['lateUpdates', 2],
    ['cachedTokensRate', '0.3'],
    ['environment', ''],
  ];
  it.each(invalid)('rejects %s = %s with a RangeError naming it', (option, value) => {
    const call = () => generateCupidDataset({ [option]: value } as CupidDatasetOptions);
    expect(call).toThrow(RangeError);
    expect(call).toThrow(`"${option}"`);
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetOptionError);
      expect((error as DatasetOptionError).option).toBe(option);
      expect((error as DatasetOptionError).code).toBe('DATASET_INVALID_OPTION');
    }
  });

  it('validates stream options on the call, before iterating', () => {
    expect(() => streamCupidDataset({ sessions: -1 })).toThrow(DatasetOptionError);
  });
});
