import { describe, expect, it } from 'vitest';
import { timeRange } from '../src/data/search';
import { seededRandom } from '../src/faults/random';
import { decodeCursor, encodeCursor } from '../src/http/cursor';
import { parseFieldGroups } from '../src/serialize/v2';
import { toDecimalString } from '../src/serialize/values';

describe('building blocks', () => {
  it('writes prices as plain decimals', () => {
    expect(toDecimalString(1.5e-7)).toBe('0.00000015');
    expect(toDecimalString(0.1 + 0.2)).toBe('0.3');
    expect(toDecimalString(2.5)).toBe('2.5');
    expect(toDecimalString(3)).toBe('3');
    expect(toDecimalString(1.25e21)).toBe('1250000000000000000000');
    expect(toDecimalString(-4e-9)).toBe('-0.000000004');
  });

  it('encodes the cursor as base64 JSON of the last position', () => {
    const cursor = encodeCursor({ startTime: 0, traceId: 't', id: 'o' });
    expect(JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))).toEqual({
      lastStartTimeTo: '1970-01-01T00:00:00.000Z',
      lastTraceId: 't',
      lastId: 'o',
    });
    expect(decodeCursor(cursor)).toEqual({ startTime: 0, traceId: 't', id: 'o' });
    expect(decodeCursor(Buffer.from('{"lastId":1}').toString('base64'))).toBeNull();
    expect(decodeCursor('not base64 json')).toBeNull();
  });

  it('finds [from, to) in a newest-first array', () => {
    const times = [9, 7, 7, 5, 3, 1];
    const same = (t: number) => t;
    expect(timeRange(times, same, 3, 7)).toEqual({ start: 3, end: 5 }); // 5, 3
    expect(timeRange(times, same, 7, undefined)).toEqual({ start: 0, end: 3 }); // 9, 7, 7
    expect(timeRange(times, same, undefined, 1)).toEqual({ start: 6, end: 6 });
    expect(timeRange(times, same, 8, 2)).toEqual({ start: 5, end: 5 }); // empty, never negative
  });

  it('parses field groups like Langfuse', () => {
    expect([...parseFieldGroups(undefined)]).toEqual(['core', 'basic']);
    expect([...parseFieldGroups('usage, nonsense,io')]).toEqual(['core', 'usage', 'io']);
    expect([...parseFieldGroups('')]).toEqual(['core']);
  });

  it('repeats a random sequence for a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});
