import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, nextBucketStart } from '../../src/semantics/buckets';
import { isTimeZone, wallToInstant, zoneOffsetMs } from '../../src/semantics/time-zones';
import { ZONE_DAY_CASES } from '../../src/testing/conformance/cases/time-zones';

// Luxon resolves local midnights with its own algorithm; these tests hold ours to it.
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'America/St_Johns',
];
const HOUR = 3_600_000;

function luxonDayStart(time: number, zone: string): number {
  return DateTime.fromMillis(time, { zone }).startOf('day').toMillis();
}

describe('zone-aware day buckets', () => {
  it.each(ZONES)('start at local midnight in %s, every 7 hours across 2026', (zone) => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    for (let time = from; time < from + 366 * 86_400_000; time += 7 * HOUR + 13_000) {
      expect(bucketStart(time, 'day', zone), new Date(time).toISOString()).toBe(
        luxonDayStart(time, zone),
      );
    }
  });

  it.each(ZONES)('follow each other like luxon days in %s', (zone) => {
    const starts = bucketStarts(
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2026-12-31T00:00:00Z'),
      'day',
      zone,
    );
    let expected = DateTime.fromMillis(starts[0] as number, { zone });
    for (const start of starts) {
      expect(start).toBe(expected.toMillis());
      expected = expected.plus({ days: 1 }).startOf('day');
    }
    expect(starts.length).toBeGreaterThanOrEqual(364);
  });

  it('gives New York a 23-hour 2026-03-08 and a 25-hour 2026-11-01', () => {
    const zone = 'America/New_York';
    const spring = bucketStart(Date.parse('2026-03-08T12:00:00Z'), 'day', zone);
    const fall = bucketStart(Date.parse('2026-11-01T12:00:00Z'), 'day', zone);
    expect(spring).toBe(DateTime.fromISO('2026-03-08T00:00', { zone }).toMillis());
    expect(nextBucketStart(spring, 'day', zone) - spring).toBe(23 * HOUR);
    expect(nextBucketStart(fall, 'day', zone) - fall).toBe(25 * HOUR);
    const luxonSpring = DateTime.fromISO('2026-03-08T00:00', { zone });
    expect(luxonSpring.plus({ days: 1 }).toMillis() - luxonSpring.toMillis()).toBe(23 * HOUR);
  });

  it('gives Berlin a 23-hour 2026-03-29 and a 25-hour 2026-10-25', () => {
    const zone = 'Europe/Berlin';
    const spring = bucketStart(Date.parse('2026-03-29T12:00:00Z'), 'day', zone);
    const fall = bucketStart(Date.parse('2026-10-25T12:00:00Z'), 'day', zone);
    expect(nextBucketStart(spring, 'day', zone) - spring).toBe(23 * HOUR);
    expect(nextBucketStart(fall, 'day', zone) - fall).toBe(25 * HOUR);
  });

  it('starts a day skipped at midnight where the gap ends (Santiago, 2026-09-06)', () => {
    const zone = 'America/Santiago';
    const start = bucketStart(Date.parse('2026-09-06T12:00:00Z'), 'day', zone);
    expect(start).toBe(luxonDayStart(Date.parse('2026-09-06T12:00:00Z'), zone));
    expect(DateTime.fromMillis(start, { zone }).hour).toBe(1);
  });
});

describe('zone-aware hour buckets', () => {
  it.each(ZONES)('start at the local hour in %s', (zone) => {
    const from = Date.parse('2026-03-01T00:00:00Z');
    for (let time = from; time < from + 300 * 86_400_000; time += 47 * 60_000 + 7_000) {
      const expected = DateTime.fromMillis(time, { zone }).startOf('hour').toMillis();
      // Where an offset change falls inside a local hour (Lord Howe's half-hour shift, Chatham's
      // change at :45), luxon's startOf('hour') lands before it; ours starts at the change.
      const ours = bucketStart(time, 'hour', zone);
      if (ours !== expected) {
        expect(['Australia/Lord_Howe', 'Pacific/Chatham']).toContain(zone);
        expect(zoneOffsetMs(ours, zone)).not.toBe(zoneOffsetMs(ours - 1000, zone));
      }
      expect(ours).toBeLessThanOrEqual(time);
    }
  });

  it('repeats the fall-back hour in New York: 25 hour buckets on 2026-11-01', () => {
    const zone = 'America/New_York';
    const day = bucketStart(Date.parse('2026-11-01T12:00:00Z'), 'day', zone);
    const hours = bucketStarts(day, nextBucketStart(day, 'day', zone) - 1, 'hour', zone);
    expect(hours).toHaveLength(25);
    expect(new Set(hours.map((h) => DateTime.fromMillis(h, { zone }).hour)).size).toBe(24);
  });

  it('puts Kolkata hours at half past the UTC hour', () => {
    expect(bucketStart(Date.parse('2026-01-01T18:45:00Z'), 'hour', 'Asia/Kolkata')).toBe(
      Date.parse('2026-01-01T18:30:00Z'),
    );
  });
});

describe('time zone names and offsets', () => {
  it('accepts IANA names and refuses offsets and unknown names', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Etc/GMT+5')).toBe(true);
    for (const bad of ['', 'Mars/Olympus', '+05:30', 'UTC+1', 'America/New York', '../etc']) {
      expect(isTimeZone(bad), bad).toBe(false);
    }
  });

  it.each(ZONES)('agrees with luxon on offsets in %s', (zone) => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    for (let time = from; time < from + 366 * 86_400_000; time += 5 * HOUR + 1_000) {
      expect(zoneOffsetMs(time, zone)).toBe(DateTime.fromMillis(time, { zone }).offset * 60_000);
    }
  });

  it('names the first occurrence of a repeated wall time and the end of a gap', () => {
    const zone = 'America/New_York';
    expect(wallToInstant(Date.parse('2026-11-01T01:30:00Z'), zone)).toBe(
      Date.parse('2026-11-01T05:30:00Z'),
    );
    expect(wallToInstant(Date.parse('2026-03-08T02:30:00Z'), zone)).toBe(
      Date.parse('2026-03-08T07:00:00Z'),
    );
  });
});

describe("the conformance suite's zone days", () => {
  it.each(ZONE_DAY_CASES)('match luxon in $zone on $date', (day) => {
    const local = DateTime.fromISO(day.date, { zone: day.zone });
    const expected = [-1, 0, 1, 2].map((offset) =>
      local.plus({ days: offset }).startOf('day').toMillis(),
    );
    expect(day.midnights.map((text) => Date.parse(text))).toEqual(expected);
    expect(local.plus({ days: 1 }).diff(local, 'hours').hours).toBe(day.hours);
  });
});
