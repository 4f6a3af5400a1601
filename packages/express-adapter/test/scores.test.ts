import { beforeAll, describe, expect, it } from 'vitest';
import { mountedApp, silentLogger } from './support/app';
import { dataset, NOW, seededDashboard, stores } from './support/dataset';
import { finalScores, mean, scoresBySession, sessionOf } from './support/score-truth';

const DAY = 86_400_000;
type Stats = { count: number; mean: number | null; p50: number | null; p95: number | null };
type Summary = Stats & {
  name: string;
  data_type: string;
  sources: string[];
  values: { value: string; count: number }[];
  previous: (Stats & { values: unknown[] }) | null;
};

/** The final scores of a name whose time is in `[from, to)`. */
function truthOf(name: string, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY) {
  return finalScores().filter((s) => s.name === name && s.timestamp >= from && s.timestamp < to);
}

/** Nearest rank of sorted numbers. */
function nearestRank(values: number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

describe.each(stores)('score routes over the %s store', (_name, open) => {
  let app: Awaited<ReturnType<typeof mountedApp>>;

  beforeAll(async () => {
    app = await mountedApp(await seededDashboard(open), '', { logger: silentLogger() });
  });

  it('lists every score name with the statistics Langfuse holds', async () => {
    const response = await app.get('/api/scores');
    expect(response.status).toBe(200);
    expect(response.headers['x-data-as-of']).toBeDefined();
    const scores = response.body.scores as Summary[];
    expect(scores.map((s) => s.name)).toEqual(['helpfulness', 'tone', 'user-feedback']);
    expect(response.body.previous_period).toBeNull();
    const [helpfulness, tone, feedback] = scores as [Summary, Summary, Summary];
    const numbers = truthOf('helpfulness').map((s) => s.value as number);
    expect(helpfulness).toMatchObject({
      data_type: 'NUMERIC',
      sources: ['EVAL'],
      count: numbers.length,
      values: [],
      previous: null,
    });
    expect(helpfulness.mean).toBeCloseTo(mean(numbers) as number, 9);
    for (const [key, p] of [
      ['p50', 50],
      ['p95', 95],
    ] as const) {
      const exact = nearestRank(numbers, p) as number;
      expect(Math.abs((helpfulness[key] as number) - exact)).toBeLessThanOrEqual(0.01 * exact);
    }
    const liked = truthOf('user-feedback').filter((s) => s.stringValue === 'True').length;
    const feedbackCount = truthOf('user-feedback').length;
    expect(feedback).toMatchObject({
      data_type: 'BOOLEAN',
      sources: ['API'],
      count: feedbackCount,
    });
    expect(feedback.mean).toBeCloseTo(liked / feedbackCount, 12);
    expect(Object.fromEntries(feedback.values.map((v) => [v.value, v.count]))).toEqual({
      True: liked,
      False: feedbackCount - liked,
    });
    expect(tone).toMatchObject({ data_type: 'CATEGORICAL', sources: ['ANNOTATION'], mean: null });
    expect(tone.values.reduce((sum, v) => sum + v.count, 0)).toBe(truthOf('tone').length);
  });

  it('puts a week beside the week before', async () => {
    const response = await app.get('/api/scores?time_range=7d');
    expect(response.body.period.from).toBe(new Date(NOW - 7 * DAY).toISOString());
    expect(response.body.previous_period).toEqual({
      from: new Date(NOW - 14 * DAY).toISOString(),
      to: new Date(NOW - 7 * DAY).toISOString(),
    });
    const helpfulness = (response.body.scores as Summary[]).find((s) => s.name === 'helpfulness');
    const week = truthOf('helpfulness', NOW - 7 * DAY, NOW);
    const before = truthOf('helpfulness', NOW - 14 * DAY, NOW - 7 * DAY);
    expect(helpfulness?.count).toBe(week.length);
    expect(helpfulness?.previous?.count).toBe(before.length);
    expect(helpfulness?.previous?.mean).toBeCloseTo(
      mean(before.map((s) => s.value as number)) as number,
      9,
    );
  });

  it.each([
    ['time_range=week', 'time_range'],
    ['from=2026-11-10&to=2026-11-01', 'to'],
    ['tz=Mars/Olympus', 'tz'],
  ])('answers 422 to %s', async (query, field) => {
    const response = await app.get(`/api/scores?${query}`);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('VALIDATION_ERROR');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('details a numeric score: series, histogram, agents, models, lowest sessions', async () => {
    const response = await app.get('/api/scores/helpfulness?time_range=30d&bucket=day');
    expect(response.status).toBe(200);
    const body = response.body;
    const month = truthOf('helpfulness', NOW - 30 * DAY, NOW);
    expect(body).toMatchObject({ name: 'helpfulness', data_type: 'NUMERIC', bucket: 'day' });
    expect(body.summary.count).toBe(month.length);
    // Days from the period's start to the day of the latest score (the named range ends open).
    const starts = (body.series as { bucket_start: string }[]).map((p) =>
      Date.parse(p.bucket_start),
    );
    expect(starts[0]).toBe(Date.parse('2026-10-21T00:00:00Z'));
    expect(starts.slice(1).every((start, i) => start - (starts[i] as number) === DAY)).toBe(true);
    const perBucket = (body.series as { count: number }[]).map((p) => p.count);
    expect(perBucket.reduce((a, b) => a + b, 0)).toBe(month.length);
    const bars = body.distribution.histogram as { count: number }[];
    expect(bars).toHaveLength(10);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(month.length);
    expect(body.distribution.values).toEqual([]);
    const byAgent = new Map<string, number>();
    const observations = new Map(dataset.observations.map((o) => [o.id, o]));
    for (const score of month) {
      const agent = observations.get(score.observationId as string)?.name as string;
      byAgent.set(agent, (byAgent.get(agent) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(
        (body.by_agent as { agent: string; count: number }[]).map((r) => [r.agent, r.count]),
      ),
    ).toEqual(Object.fromEntries(byAgent));
    expect(body.by_model.length).toBeGreaterThan(0);
    const lowest = body.lowest_sessions as { session_id: string; count: number; mean: number }[];
    expect(lowest).toHaveLength(10);
    const means = lowest.map((row) => row.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    const first = lowest[0] as (typeof lowest)[number];
    const own = month
      .filter((s) => sessionOf(s) === first.session_id)
      .map((s) => s.value as number);
    expect(first.count).toBe(own.length);
    expect(first.mean).toBeCloseTo(mean(own) as number, 12);
    const three = await app.get('/api/scores/helpfulness?lowest_sessions_limit=3');
    expect(three.body.lowest_sessions).toHaveLength(3);
  });

  it('details a boolean score by its values, in local days of tz', async () => {
    const response = await app.get(
      '/api/scores/user-feedback?time_range=7d&tz=America/New_York&bucket=day',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ time_zone: 'America/New_York', data_type: 'BOOLEAN' });
    expect(response.body.distribution.histogram).toEqual([]);
    // Buckets start at New York midnights (05:00 UTC in November).
    for (const point of response.body.series as { bucket_start: string }[]) {
      expect(point.bucket_start.slice(11)).toBe('05:00:00.000Z');
    }
    const week = truthOf('user-feedback', NOW - 7 * DAY, NOW);
    expect(response.body.summary.count).toBe(week.length);
  });

  it('answers zeros for a known name without scores in the period, 404 for an unknown one', async () => {
    const quiet = await app.get('/api/scores/tone?from=2020-01-01&to=2020-01-02');
    expect(quiet.status).toBe(200);
    expect(quiet.body.summary).toEqual({ count: 0, mean: null, p50: null, p95: null, values: [] });
    expect(quiet.body.data_type).toBe('CATEGORICAL');
    expect(quiet.body.series).toHaveLength(24);
    for (const odd of ['nope', 'a b', '恋']) {
      const missing = await app.get(`/api/scores/${encodeURIComponent(odd)}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ detail: `Score not found: ${odd}`, code: 'NOT_FOUND' });
    }
  });

  it.each([
    ['lowest_sessions_limit=0', 'lowest_sessions_limit'],
    ['lowest_sessions_limit=101', 'lowest_sessions_limit'],
    ['bucket=week', 'bucket'],
    ['from=2020-01-01&bucket=hour', 'bucket'],
  ])('answers 422 to a detail with %s', async (query, field) => {
    const response = await app.get(`/api/scores/helpfulness?${query}`);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('revalidates a score answer with its ETag', async () => {
    const first = await app.get('/api/scores/helpfulness?time_range=7d');
    const tag = first.headers.etag as string;
    expect(tag).toBeDefined();
    // A 304 has no body to check against the document: asked without the checker.
    const again = await app.agent
      .get('/api/scores/helpfulness?time_range=7d')
      .set('If-None-Match', tag);
    expect(again.status).toBe(304);
  });
});

describe.each(stores)('scores on sessions over the %s store', (_name, open) => {
  let app: Awaited<ReturnType<typeof mountedApp>>;
  type Row = { id: string; scores: { name: string; count: number; mean: number | null }[] };
  const ids = async (query: string): Promise<string[]> => {
    const response = await app.get(`/api/sessions?limit=200&sort=id&order=asc&${query}`);
    expect(response.status).toBe(200);
    return (response.body.sessions as Row[]).map((row) => row.id);
  };

  beforeAll(async () => {
    app = await mountedApp(await seededDashboard(open), '', { logger: silentLogger() });
  });

  it('carries each session row its scores by name', async () => {
    const rows = (await app.get('/api/sessions?limit=200')).body.sessions as Row[];
    const helpfulness = scoresBySession('helpfulness');
    for (const row of rows) {
      const own = helpfulness.get(row.id) ?? [];
      const entry = row.scores.find((s) => s.name === 'helpfulness');
      if (own.length === 0) expect(entry).toBeUndefined();
      else {
        expect(entry?.count).toBe(own.length);
        expect(entry?.mean).toBeCloseTo(mean(own.map((s) => s.value as number)) as number, 12);
      }
      const names = row.scores.map((s) => s.name);
      expect(names).toEqual([...names].sort());
    }
    expect(rows.some((row) => row.scores.length > 0)).toBe(true);
  });

  it('filters sessions by a score name, its mean and its value', async () => {
    const helpfulness = scoresBySession('helpfulness');
    const feedback = scoresBySession('user-feedback');
    const sorted = (set: Iterable<string>) => [...set].sort();
    expect(await ids('score=helpfulness')).toEqual(sorted(helpfulness.keys()));
    const low = [...helpfulness]
      .filter(([, scores]) => (mean(scores.map((s) => s.value as number)) as number) <= 0.655)
      .map(([id]) => id);
    expect(low.length).toBeGreaterThan(0);
    expect(await ids('score=helpfulness&score_max=0.655')).toEqual(sorted(low));
    const high = [...helpfulness.keys()].filter((id) => !low.includes(id));
    expect(await ids('score=helpfulness&score_min=0.6551')).toEqual(sorted(high));
    const disliked = [...feedback]
      .filter(([, scores]) => scores.some((s) => s.stringValue === 'False'))
      .map(([id]) => id);
    expect(await ids('score=user-feedback&score_value=False')).toEqual(sorted(disliked));
    expect(await ids('score=no-such-score')).toEqual([]);
    const exported = await app.get(
      '/api/sessions/export?format=jsonl&score=user-feedback&score_value=False',
    );
    expect(exported.status).toBe(200);
    expect(exported.text.trim().split('\n').filter(Boolean)).toHaveLength(disliked.length);
  });

  it.each([
    ['score_min=0.5', 'score'],
    ['score_value=True', 'score'],
    ['score=helpfulness&score_value=True&score_min=0.5', 'score_value'],
    ['score=helpfulness&score_min=0.8&score_max=0.2', 'score_max'],
    ['score=helpfulness&score_min=high', 'score_min'],
    ['score=helpfulness&score_max=Infinity', 'score_max'],
  ])('answers 422 to %s', async (query, field) => {
    const response = await app.get(`/api/sessions?${query}`);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('carries the conversation its scores, by time', async () => {
    const [id, own] = [...scoresBySession('helpfulness')][0] as [string, unknown[]];
    const response = await app.get(`/api/sessions/${id}/conversation`);
    expect(response.status).toBe(200);
    const scores = response.body.scores as { id: string; name: string; time: string }[];
    const all = finalScores().filter((s) => sessionOf(s) === id);
    expect(scores.map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
    expect(scores.filter((s) => s.name === 'helpfulness')).toHaveLength(own.length);
    const times = scores.map((s) => s.time);
    expect(times).toEqual([...times].sort());
    const messages = new Set(
      response.body.messages.map((m: { observation_id: string }) => m.observation_id),
    );
    const onMessages = scores.filter((s) => s.name === 'helpfulness') as unknown as {
      observation_id: string;
    }[];
    expect(onMessages.some((s) => messages.has(s.observation_id))).toBe(true);
  });

  it("heads the dashboard with the Cupid preset's helpfulness mean beside the week before", async () => {
    const response = await app.get('/api/metrics/dashboard?time_range=7d');
    expect(response.status).toBe(200);
    const week = truthOf('helpfulness', NOW - 7 * DAY, NOW).map((s) => s.value as number);
    const before = truthOf('helpfulness', NOW - 14 * DAY, NOW - 7 * DAY).map(
      (s) => s.value as number,
    );
    const [headline] = response.body.scores;
    expect(response.body.scores).toHaveLength(1);
    expect(headline.name).toBe('helpfulness');
    expect(headline.count).toMatchObject({ value: week.length, previous: before.length });
    expect(headline.mean.value).toBeCloseTo(mean(week) as number, 9);
    expect(headline.mean.previous).toBeCloseTo(mean(before) as number, 9);
    const all = await app.get('/api/metrics/dashboard');
    expect(all.body.scores[0].mean.previous).toBeNull();
  });
});
