import { describe, expect, it } from 'vitest';
import { observationCost, observationLatencyMs, traceLatencyMs } from '../../src/semantics/index';

describe('observationCost', () => {
  it('prefers totalCost, then the total key, then the sum of the details', () => {
    expect(observationCost({ totalCost: 0.5, costDetails: { total: 9 } })).toBe(0.5);
    expect(
      observationCost({ totalCost: null, costDetails: { input: 1, output: 2, total: 4 } }),
    ).toBe(4);
    expect(
      observationCost({ totalCost: null, costDetails: { input: 0.001, output: 0.002 } }),
    ).toBeCloseTo(0.003, 15);
    expect(observationCost({ totalCost: null, costDetails: {} })).toBe(0);
  });

  it('skips non-finite values', () => {
    expect(
      observationCost({ totalCost: Number.NaN, costDetails: { input: 1, output: Number.NaN } }),
    ).toBe(1);
  });
});

describe('observationLatencyMs', () => {
  it('is end minus start, null without an end, never negative', () => {
    expect(observationLatencyMs({ startTime: 1000, endTime: 3500 })).toBe(2500);
    expect(observationLatencyMs({ startTime: 1000, endTime: null })).toBeNull();
    expect(observationLatencyMs({ startTime: 1000, endTime: 900 })).toBe(0);
  });
});

describe('traceLatencyMs', () => {
  it('spans from the earliest start to the latest end', () => {
    expect(
      traceLatencyMs([
        { startTime: 0, endTime: 400 },
        { startTime: 100, endTime: 900 },
      ]),
    ).toBe(900);
  });

  it('counts an open observation by its start, and is null for no observations', () => {
    expect(
      traceLatencyMs([
        { startTime: 100, endTime: 200 },
        { startTime: 500, endTime: null },
      ]),
    ).toBe(400);
    expect(traceLatencyMs([])).toBeNull();
  });
});
