import { describe, expect, it } from 'vitest';
import {
  type InvalidRecordReport,
  type LangfuseClientOptions,
  type ScoreRecord,
  scoreToRecord,
  scoreV3ToRecord,
} from '../../src/index';
import {
  createFakeLangfuse,
  type FakeLangfuse,
  legacyScore,
  v3Score,
} from './support/fake-langfuse';
import { collect, localClient, rejection } from './support/helpers';
import { useHttpServer } from './support/http-server';

// Real sockets on 127.0.0.1, as the other client tests.
let fake: FakeLangfuse = createFakeLangfuse();
const server = useHttpServer(() => fake);

const client = (options: Partial<LangfuseClientOptions> = {}) =>
  localClient(server.baseUrl, options);

const records = <T>(rows: T[], toRecord: (row: T) => ScoreRecord | null) =>
  rows.map(toRecord).filter((record): record is ScoreRecord => record !== null);

describe('scores over real HTTP', () => {
  it('walks 250 v3 scores at the default limit 100 in 3 requests, following the cursor', async () => {
    fake = createFakeLangfuse({ scoresV3: 250 });
    const c = client();
    const pages = await collect(c.paginateScoresV3({ fields: ['details', 'subject'] }));
    expect(pages.map((p) => p.data.length)).toEqual([100, 100, 50]);
    expect(pages.at(-1)?.cursor).toBeNull();
    expect(c.stats.requests).toBe(3);
    expect(fake.requests.map((r) => r.path)).toEqual(Array(3).fill('/api/public/v3/scores'));
    expect(fake.requests.every((r) => r.query.get('limit') === '100')).toBe(true);
    expect(fake.requests.every((r) => r.query.get('fields') === 'details,subject')).toBe(true);
    expect(fake.requests.map((r) => r.query.get('cursor'))).toEqual([
      null,
      pages[0]?.cursor,
      pages[1]?.cursor,
    ]);
  });

  it('walks 250 legacy scores at limit 100 in 3 pages until the announced total', async () => {
    fake = createFakeLangfuse({ scores: 250 });
    const c = client();
    const pages = await collect(c.paginateScores({ environment: ['default', 'prod'] }));
    expect(pages.map((p) => p.data.length)).toEqual([100, 100, 50]);
    expect(pages[0]?.meta).toEqual({ page: 1, limit: 100, totalItems: 250, totalPages: 3 });
    expect(fake.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(fake.requests[0]?.query.getAll('environment')).toEqual(['default', 'prod']);
  });

  it('sends v3 list filters comma-separated and time filters as ISO-8601', async () => {
    fake = createFakeLangfuse({ scoresV3: 1 });
    await client().getScoresV3({
      name: ['helpfulness', 'tone'],
      source: ['EVAL', 'API'],
      dataType: 'NUMERIC',
      traceId: 'trace-1',
      fromTimestamp: new Date('2026-11-20T00:00:00Z'),
      toTimestamp: '2026-11-21T00:00:00+01:00',
    });
    const query = fake.requests[0]?.query;
    expect(query?.get('name')).toBe('helpfulness,tone');
    expect(query?.get('source')).toBe('EVAL,API');
    expect(query?.get('dataType')).toBe('NUMERIC');
    expect(query?.get('traceId')).toBe('trace-1');
    expect(query?.get('fromTimestamp')).toBe('2026-11-20T00:00:00.000Z');
    expect(query?.get('toTimestamp')).toBe('2026-11-20T23:00:00.000Z');
  });

  it('refuses a limit above 100 on both endpoints before sending anything', async () => {
    fake = createFakeLangfuse({ scores: 1, scoresV3: 1 });
    const c = client();
    const v3 = await rejection(c.getScoresV3({ limit: 101 }));
    const legacy = await rejection(c.getScores({ limit: 1000 }));
    expect([v3.code, legacy.code]).toEqual(['LANGFUSE_INVALID_PARAMS', 'LANGFUSE_INVALID_PARAMS']);
    expect(v3.message).toMatch(/limit must be at most 100/);
    expect(v3.message).toContain('/api/public/v3/scores');
    const badGroup = await rejection(c.getScoresV3({ fields: ['everything' as never] }));
    expect(badGroup.code).toBe('LANGFUSE_INVALID_PARAMS');
    expect(fake.requests).toHaveLength(0);
  });

  it('normalizes the same scores to the same records from both generations', async () => {
    fake = createFakeLangfuse({ scores: 30, scoresV3: 30 });
    const c = client();
    const legacy = (await collect(c.paginateScores())).flatMap((p) =>
      records(p.data, scoreToRecord),
    );
    const v3 = (await collect(c.paginateScoresV3({ fields: ['details', 'subject'] }))).flatMap(
      (p) => records(p.data, scoreV3ToRecord),
    );
    expect(legacy).toHaveLength(30);
    expect(v3).toEqual(legacy);
    const [numeric, boolean, categorical, , onSession] = legacy;
    expect(numeric).toEqual({
      id: 'score-0',
      name: 'helpfulness',
      dataType: 'NUMERIC',
      value: 0,
      stringValue: null,
      source: 'EVAL',
      traceId: 'trace-0',
      observationId: 'obs-0',
      sessionId: null,
      timestamp: Date.parse('2026-11-20T00:00:00.000Z'),
      comment: 'looks right',
      configId: null,
      environment: 'default',
      updatedAt: Date.parse('2026-11-20T00:00:01.000Z'),
    });
    expect(boolean).toMatchObject({ dataType: 'BOOLEAN', value: 1, stringValue: 'True' });
    expect(categorical).toMatchObject({
      dataType: 'CATEGORICAL',
      value: null,
      stringValue: 'warm',
    });
    expect(onSession).toMatchObject({ traceId: null, observationId: null, sessionId: 'session-1' });
  });

  it('leaves out TEXT and CORRECTION scores without calling them malformed', async () => {
    fake = createFakeLangfuse({ scoresV3: 3 });
    fake.override('scoreV3', 1, { ...v3Score(1), dataType: 'TEXT', value: 'a remark' });
    fake.override('scoreV3', 2, { ...v3Score(2), dataType: 'CORRECTION', value: '' });
    const page = await client().getScoresV3({ fields: ['subject'] });
    expect(page.invalid).toEqual([]);
    expect(page.data).toHaveLength(3);
    expect(records(page.data, scoreV3ToRecord).map((r) => r.id)).toEqual(['score-0']);
  });

  it.each([
    ['v3', 'scoreV3', '/api/public/v3/scores'],
    ['legacy', 'score', '/api/public/v2/scores'],
  ] as const)(
    'skips and reports malformed %s scores, keeping the rest of the page',
    async (generation, kind, path) => {
      const reports: InvalidRecordReport[] = [];
      fake = createFakeLangfuse({ scores: 6, scoresV3: 6 });
      const rowOf = generation === 'v3' ? v3Score : legacyScore;
      fake.override(kind, 0, { ...rowOf(0), value: 'high' }); // NUMERIC with a string value
      fake.override(kind, 1, { ...rowOf(1), id: undefined }); // no id
      fake.override(kind, 2, { ...rowOf(2), timestamp: 'yesterday' });
      fake.override(kind, 4, { ...rowOf(4), dataType: 'BOOLEAN', value: 7 });
      const c = client({ onInvalidRecord: (report) => reports.push(report) });
      const page =
        generation === 'v3' ? await c.getScoresV3({ fields: ['subject'] }) : await c.getScores();
      expect(page.data.map((s) => s.id)).toEqual(['score-3', 'score-5']);
      expect(page.invalid.map((r) => [r.index, r.id])).toEqual([
        [0, 'score-0'],
        [1, undefined],
        [2, 'score-2'],
        [4, 'score-4'],
      ]);
      expect(page.invalid[0]?.issues).toMatch(/^value: /);
      expect(page.invalid[2]?.issues).toMatch(/^timestamp: /);
      expect(reports).toEqual(page.invalid.map((record) => ({ ...record, path })));
    },
  );
});
