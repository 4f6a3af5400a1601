import { describe, expect, it } from 'vitest';
import { edgeHour, planRange } from '../../src/store/range-plan';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('planRange', () => {
  it('splits a range into raw edges, whole hours and whole days', () => {
    expect(planRange({ from: 90 * 60_000, to: 2 * DAY + 30 * 60_000 }, true)).toEqual({
      raw: [
        { from: 90 * 60_000, to: 2 * HOUR },
        { from: 2 * DAY, to: 2 * DAY + 30 * 60_000 },
      ],
      hours: [{ from: 2 * HOUR, to: DAY }],
      days: { from: DAY, to: 2 * DAY },
    });
  });

  it('keeps to hours when days are not wanted or none is whole', () => {
    expect(planRange({ from: HOUR, to: 5 * HOUR }, true)).toEqual({
      raw: [],
      hours: [{ from: HOUR, to: 5 * HOUR }],
      days: null,
    });
    expect(planRange({ from: 0, to: 2 * DAY }, false)).toEqual({
      raw: [],
      hours: [{ from: 0, to: 2 * DAY }],
      days: null,
    });
  });

  it('reads a range inside one hour raw, and open bounds from the rollups', () => {
    expect(planRange({ from: 10, to: 20 }, true)).toEqual({
      raw: [{ from: 10, to: 20 }],
      hours: [],
      days: null,
    });
    expect(planRange(undefined, true)).toEqual({
      raw: [],
      hours: [],
      days: { from: null, to: null },
    });
    expect(planRange({ from: DAY + 1 }, true)).toEqual({
      raw: [{ from: DAY + 1, to: DAY + HOUR }],
      hours: [{ from: DAY + HOUR, to: 2 * DAY }],
      days: { from: 2 * DAY, to: null },
    });
    expect(planRange({ from: 5, to: 5 }, true)).toEqual({ raw: [], hours: [], days: null });
  });
});

describe('edgeHour', () => {
  it('gives an edge that reaches one end of its hour the rest of that hour', () => {
    expect(edgeHour({ from: 90 * 60_000, to: 2 * HOUR })).toEqual({
      hour: HOUR,
      inside: { from: 90 * 60_000, to: 2 * HOUR },
      outside: { from: HOUR, to: 90 * 60_000 },
    });
    expect(edgeHour({ from: 2 * DAY, to: 2 * DAY + 1 })).toEqual({
      hour: 2 * DAY,
      inside: { from: 2 * DAY, to: 2 * DAY + 1 },
      outside: { from: 2 * DAY + 1, to: 2 * DAY + HOUR },
    });
  });

  it('has none for an edge inside an hour, across an hour, or filling one', () => {
    expect(edgeHour({ from: HOUR + 10, to: HOUR + 20 })).toBeNull();
    expect(edgeHour({ from: HOUR + 10, to: 2 * HOUR + 20 })).toBeNull();
    expect(edgeHour({ from: HOUR, to: 2 * HOUR })).toBeNull();
    expect(edgeHour({ from: HOUR + 5, to: HOUR + 5 })).toBeNull();
  });
});
