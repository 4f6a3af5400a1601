import { createDashboard, type DashboardStore } from '@cupid-dashboard/core';
import { observation } from '@cupid-dashboard/core/testing';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { mountedApp, silentLogger } from './support/app';

// Noon in New York two days after the fall-back day (2026-11-01, 25 hours).
const ZONE = 'America/New_York';
const NOW = DateTime.fromISO('2026-11-03T12:00', { zone: ZONE }).toMillis();
const HOUR = 3_600_000;

/** Local midnights from `first` for `count` days, by luxon. */
function midnights(first: string, count: number): number[] {
  const start = DateTime.fromISO(first, { zone: ZONE });
  return Array.from({ length: count }, (_, i) => start.plus({ days: i }).toMillis());
}

// One call five minutes after each local midnight from 2026-10-18 to 2026-11-03, and one five
// minutes before the fall-back day ends, so UTC days and New York days count differently.
const CALL_DAYS = midnights('2026-10-18', 17);
const LATE_CALL = midnights('2026-11-02', 1)[0] as number;
const CALLS = [...CALL_DAYS.map((midnight) => midnight + 5 * 60_000), LATE_CALL - 5 * 60_000];

const stores: [string, () => Promise<DashboardStore>][] = [
  [
    'SQLite',
    async () => {
      const { createSqliteStore } = await import('@cupid-dashboard/sqlite-store');
      return createSqliteStore({ path: ':memory:', now: () => NOW });
    },
  ],
  [
    'memory',
    async () => (await import('@cupid-dashboard/core')).createMemoryStore({ now: () => NOW }),
  ],
];

describe.each(stores)('tz over HTTP, %s store', (_name, open) => {
  let app: Awaited<ReturnType<typeof mountedApp>>;

  beforeAll(async () => {
    const store = await open();
    const { touched } = await store.upsert({
      observations: CALLS.map((time, i) =>
        observation({ id: `o${i}`, sessionId: `s${i}`, name: 'Mortal', startTime: time }),
      ),
    });
    await store.refresh(touched);
    const dashboard = createDashboard({ store, now: () => NOW });
    app = await mountedApp(dashboard, '', { logger: silentLogger() });
  }, 120_000);

  it('buckets 7d by New York day: local midnights, a 25-hour 2026-11-01, local days back', async () => {
    const response = await app.get(`/api/metrics/dashboard?time_range=7d&bucket=day&tz=${ZONE}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.time_zone).toBe(ZONE);
    const weekAgo = DateTime.fromMillis(NOW, { zone: ZONE }).minus({ days: 7 });
    expect(body.period.from).toBe(weekAgo.toUTC().toISO());
    // Seven local days back crosses the fall-back: 169 hours, not 168.
    expect(NOW - Date.parse(body.period.from)).toBe(169 * HOUR);
    expect(body.previous_period).toEqual({
      from: weekAgo.minus({ days: 7 }).toUTC().toISO(),
      to: weekAgo.toUTC().toISO(),
    });
    const starts = (body.time_series as { bucket_start: string }[]).map((point) =>
      Date.parse(point.bucket_start),
    );
    expect(starts).toEqual(midnights('2026-10-27', 8));
    const fallBack = starts.indexOf(midnights('2026-11-01', 1)[0] as number);
    expect((starts[fallBack + 1] as number) - (starts[fallBack] as number)).toBe(25 * HOUR);
    const observations = (body.time_series as { observations: number }[]).map(
      (p) => p.observations,
    );
    // 2026-10-27's call came before noon, outside the period; 2026-11-01 has the late call too.
    expect(observations).toEqual([0, 1, 1, 1, 1, 2, 1, 1]);
    expect(body.kpis.observations.value).toBe(8);
    expect(body.kpis.observations.previous).toBe(7);
  });

  it('compares a custom local day with the local day before, and gives it 25 hour buckets', async () => {
    const [from, to] = midnights('2026-11-01', 2) as [number, number];
    const query = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    const response = await app.get(`/api/metrics/dashboard?${query}&bucket=hour&tz=${ZONE}`);
    expect(response.status).toBe(200);
    expect(response.body.time_series).toHaveLength(25);
    const dayBefore = midnights('2026-10-31', 1)[0] as number;
    expect(response.body.previous_period).toEqual({
      from: new Date(dayBefore).toISOString(),
      to: new Date(from).toISOString(),
    });
    // In UTC the same bounds are 25 hours, compared with the 25 hours before.
    const utc = await app.get(`/api/metrics/dashboard?${query}&bucket=hour`);
    expect(utc.body.time_zone).toBe('UTC');
    expect(Date.parse(utc.body.previous_period.from)).toBe(from - 25 * HOUR);
  });

  it('reads a date in from/to as local midnight in tz, and a date-time as the instant it names', async () => {
    const response = await app.get(
      `/api/metrics/dashboard?from=2026-11-01&to=2026-11-02&bucket=day&tz=${ZONE}`,
    );
    expect(response.status).toBe(200);
    const [from, to] = midnights('2026-11-01', 2) as [number, number];
    expect(response.body.period).toEqual({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
    expect(response.body.time_series).toHaveLength(1);
    expect(response.body.time_series[0].observations).toBe(2);
    expect(response.body.previous_period.from).toBe(
      new Date(midnights('2026-10-31', 1)[0] as number).toISOString(),
    );
    const instant = await app.get(
      `/api/metrics/dashboard?from=2026-11-01T00:00:00Z&to=2026-11-02&tz=${ZONE}`,
    );
    expect(instant.body.period.from).toBe('2026-11-01T00:00:00.000Z');
    const utc = await app.get('/api/metrics/dashboard?from=2026-11-01&to=2026-11-02');
    expect(utc.body.period.from).toBe('2026-11-01T00:00:00.000Z');
    // Same day: empty in any zone.
    const empty = await app.get(`/api/metrics/dashboard?from=2026-11-01&to=2026-11-01&tz=${ZONE}`);
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ field: 'to', message: 'to must be after from' }]);
  });

  it('buckets the agent charts by New York day', async () => {
    const response = await app.get(`/api/agents/Mortal/charts?time_range=7d&bucket=day&tz=${ZONE}`);
    expect(response.status).toBe(200);
    expect(response.body.time_zone).toBe(ZONE);
    const points = response.body.points as { bucket_start: string; calls: number }[];
    expect(points.map((point) => Date.parse(point.bucket_start))).toEqual(
      midnights('2026-10-27', 8),
    );
    expect(points.map((point) => point.calls)).toEqual([0, 1, 1, 1, 1, 2, 1, 1]);
  });

  it('buckets by UTC day without tz, and an empty tz is the default', async () => {
    for (const suffix of ['', '&tz=', '&tz=UTC']) {
      const response = await app.get(`/api/metrics/dashboard?time_range=7d&bucket=day${suffix}`);
      expect(response.status).toBe(200);
      expect(response.body.time_zone).toBe('UTC');
      for (const point of response.body.time_series as { bucket_start: string }[]) {
        expect(point.bucket_start).toMatch(/T00:00:00\.000Z$/);
      }
    }
  });

  it.each([['Mars/Olympus'], ['%2B05:30'], ['America/New%20York']])(
    'refuses tz=%s with a 422 naming tz',
    async (zone) => {
      for (const path of ['/api/metrics/dashboard', '/api/agents/Mortal/charts']) {
        const response = await app.get(`${path}?tz=${zone}`);
        expect(response.status).toBe(422);
        expect(response.body).toMatchObject({
          code: 'VALIDATION_ERROR',
          errors: [{ field: 'tz', message: expect.stringContaining('IANA time zone') }],
        });
        expect(typeof response.body.detail).toBe('string');
      }
    },
  );
});
