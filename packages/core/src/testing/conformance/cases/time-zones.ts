import { describe, expect, it } from 'vitest';
import type { EpochMs } from '../../../domain/records';
import type { BucketSize } from '../../../store/common';
import type { DashboardStore } from '../../../store/store';
import { observation } from '../fixtures';
import type { OpenStore } from '../open-store';
import { codeOf } from './lifecycle';

/**
 * A local day whose length a daylight-saving change (or none) sets, with its neighbours' local
 * midnights written out by hand. `test/semantics/time-zones.test.ts` checks every instant here
 * against luxon, so the suite's expectations come from an independent time-zone library.
 */
export interface ZoneDayCase {
  zone: string;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** Local midnights: the day before, the day, the day after, the day after that. */
  midnights: readonly [string, string, string, string];
  /** Hours in the day. */
  hours: number;
}

/** The DST days every store's series must follow, and one half-hour zone. */
export const ZONE_DAY_CASES: readonly ZoneDayCase[] = [
  {
    zone: 'America/New_York',
    date: '2026-03-08',
    midnights: [
      '2026-03-07T05:00:00Z',
      '2026-03-08T05:00:00Z',
      '2026-03-09T04:00:00Z',
      '2026-03-10T04:00:00Z',
    ],
    hours: 23,
  },
  {
    zone: 'America/New_York',
    date: '2026-11-01',
    midnights: [
      '2026-10-31T04:00:00Z',
      '2026-11-01T04:00:00Z',
      '2026-11-02T05:00:00Z',
      '2026-11-03T05:00:00Z',
    ],
    hours: 25,
  },
  {
    zone: 'Europe/Berlin',
    date: '2026-03-29',
    midnights: [
      '2026-03-27T23:00:00Z',
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      '2026-03-30T22:00:00Z',
    ],
    hours: 23,
  },
  {
    zone: 'Europe/Berlin',
    date: '2026-10-25',
    midnights: [
      '2026-10-23T22:00:00Z',
      '2026-10-24T22:00:00Z',
      '2026-10-25T23:00:00Z',
      '2026-10-26T23:00:00Z',
    ],
    hours: 25,
  },
  {
    zone: 'Asia/Kolkata',
    date: '2026-01-15',
    midnights: [
      '2026-01-13T18:30:00Z',
      '2026-01-14T18:30:00Z',
      '2026-01-15T18:30:00Z',
      '2026-01-16T18:30:00Z',
    ],
    hours: 24,
  },
];

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Two calls a day: ten minutes past the first whole UTC hour of the local day and ten minutes
 * past the last. In a half-hour zone that keeps every call in the first half of its UTC hour,
 * where a store answering from hourly rollups is exact (see the SQLite store's README).
 */
function callTimes(midnights: readonly EpochMs[]): EpochMs[] {
  const times: EpochMs[] = [];
  for (const [i, midnight] of midnights.slice(0, 3).entries()) {
    const next = midnights[i + 1] as EpochMs;
    times.push(
      Math.ceil(midnight / HOUR) * HOUR + 10 * MINUTE,
      Math.floor((next - 1) / HOUR) * HOUR + 10 * MINUTE,
    );
  }
  return times;
}

async function loadCalls(store: DashboardStore, times: readonly EpochMs[]): Promise<void> {
  const { touched } = await store.upsert({
    observations: times.map((time, i) =>
      observation({
        id: `o${i}`,
        sessionId: `s${i}`,
        name: 'Mortal',
        startTime: time,
        endTime: time + 1000,
      }),
    ),
  });
  await store.refresh(touched);
}

/** Local-day and local-hour buckets: DST days of 23 and 25 hours, a half-hour zone, bad zones. */
export function timeZoneCases(open: OpenStore): void {
  describe('time zones', () => {
    for (const day of ZONE_DAY_CASES) {
      const midnights = day.midnights.map((text) => Date.parse(text));
      const [before, start, end, after] = midnights as [EpochMs, EpochMs, EpochMs, EpochMs];
      const range = { from: before, to: after };

      it(`buckets days from local midnight in ${day.zone} around ${day.date} (${day.hours} h)`, async () => {
        const store = await open();
        await loadCalls(store, callTimes(midnights));
        const dashboard = await store.getDashboard({ range, bucket: 'day', timeZone: day.zone });
        expect(dashboard.timeSeries.map((point) => point.bucketStart)).toEqual([
          before,
          start,
          end,
        ]);
        expect(end - start).toBe(day.hours * HOUR);
        expect(dashboard.timeSeries.map((point) => point.observations)).toEqual([2, 2, 2]);
        expect(dashboard.timeSeries.map((point) => point.sessions)).toEqual([2, 2, 2]);
        const series = await store.getAgentTimeSeries({
          name: 'Mortal',
          range,
          bucket: 'day',
          timeZone: day.zone,
        });
        expect(series?.map((point) => [point.bucketStart, point.calls])).toEqual([
          [before, 2],
          [start, 2],
          [end, 2],
        ]);
      });

      it(`buckets ${day.zone}'s ${day.date} by local hour: ${day.hours} buckets`, async () => {
        const store = await open();
        await loadCalls(store, callTimes(midnights));
        const query = { range: { from: start, to: end }, bucket: 'hour' as BucketSize };
        const dashboard = await store.getDashboard({ ...query, timeZone: day.zone });
        const starts = dashboard.timeSeries.map((point) => point.bucketStart);
        expect(starts).toHaveLength(day.hours);
        expect(starts[0]).toBe(start);
        expect(starts.at(-1)).toBe(end - HOUR);
        expect(dashboard.timeSeries[0]?.observations).toBe(1);
        expect(dashboard.timeSeries.at(-1)?.observations).toBe(1);
        const series = await store.getAgentTimeSeries({
          name: 'Mortal',
          ...query,
          timeZone: day.zone,
        });
        expect(series?.map((point) => point.bucketStart)).toEqual(starts);
      });
    }

    it('buckets by UTC day when no zone is given, as with timeZone UTC', async () => {
      const store = await open();
      const [, start, end] = ZONE_DAY_CASES[0]?.midnights.map((text) => Date.parse(text)) ?? [];
      await loadCalls(store, [start as EpochMs, end as EpochMs]);
      const range = {
        from: Date.parse('2026-03-08T00:00:00Z'),
        to: Date.parse('2026-03-10T00:00:00Z'),
      };
      const plain = await store.getDashboard({ range, bucket: 'day' });
      const utc = await store.getDashboard({ range, bucket: 'day', timeZone: 'UTC' });
      expect(plain.timeSeries).toEqual(utc.timeSeries);
      expect(plain.timeSeries.map((point) => [point.bucketStart, point.observations])).toEqual([
        [range.from, 1],
        [range.from + 24 * HOUR, 1],
      ]);
    });

    it('rejects a zone that is not an IANA name with STORE_INVALID_QUERY', async () => {
      const store = await open();
      for (const timeZone of ['Mars/Olympus', '+05:30', '']) {
        expect(await codeOf(store.getDashboard({ bucket: 'day', timeZone }))).toBe(
          'STORE_INVALID_QUERY',
        );
        expect(
          await codeOf(store.getAgentTimeSeries({ name: 'Mortal', bucket: 'day', timeZone })),
        ).toBe('STORE_INVALID_QUERY');
      }
    });
  });
}
