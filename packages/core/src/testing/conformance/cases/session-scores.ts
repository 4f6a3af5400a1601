import { describe, expect, it } from 'vitest';
import { SESSION_SCORES_MAX_IDS } from '../../../store/session-scores';
import type { DashboardStore } from '../../../store/store';
import { HOUR, MINUTE, observation, score, T0, trace } from '../fixtures';
import type { OpenStore } from '../open-store';
import { codeOf } from './lifecycle';

/** Three sessions with scores: s1 and s2 through traces, s3 directly; one score on no session. */
async function loadScoredSessions(open: OpenStore): Promise<DashboardStore> {
  const store = await open();
  await store.upsert({
    traces: ['s1', 's2', 's3'].map((sessionId, i) =>
      trace({ id: `t${i + 1}`, sessionId, timestamp: T0 + i * MINUTE }),
    ),
    observations: [observation({ id: 'o1', traceId: 't1', name: 'Mortal' })],
    scores: [
      score({ id: 'h1', traceId: 't1', observationId: 'o1', value: 0.2, timestamp: T0 + 2000 }),
      score({ id: 'h2', traceId: 't1', value: 0.6, timestamp: T0 + 1000 }),
      score({ id: 'h3', traceId: 't2', value: 0.9 }),
      score({ id: 'h4', sessionId: 's3', value: 0.5 }),
      score({
        id: 'f1',
        name: 'user-feedback',
        dataType: 'BOOLEAN',
        value: 0,
        stringValue: 'False',
        source: 'API',
        sessionId: 's2',
      }),
      score({
        id: 'c1',
        name: 'tone',
        dataType: 'CATEGORICAL',
        value: null,
        stringValue: 'playful',
        source: 'ANNOTATION',
        traceId: 't3',
        comment: 'light',
      }),
      score({ id: 'loose', value: 0 }),
    ],
  });
  await store.refresh();
  return store;
}

const ids = async (store: DashboardStore, filter: Parameters<DashboardStore['listSessions']>[0]) =>
  (await store.listSessions({ ...filter, sort: 'id', order: 'asc' })).items.map((row) => row.id);

/** Scores by session (rows and conversations), the score filter, and score series in a zone. */
export function sessionScoreCases(open: OpenStore): void {
  describe('session scores', () => {
    it('lists the scores of some sessions by session, time and id, with every field', async () => {
      const store = await loadScoredSessions(open);
      const scores = await store.listSessionScores({ sessionIds: ['s3', 's1', 'nope', 's1'] });
      expect(scores.map((s) => [s.sessionId, s.id])).toEqual([
        ['s1', 'h2'],
        ['s1', 'h1'],
        ['s3', 'c1'],
        ['s3', 'h4'],
      ]);
      expect(scores[2]).toEqual({
        sessionId: 's3',
        id: 'c1',
        name: 'tone',
        dataType: 'CATEGORICAL',
        value: null,
        stringValue: 'playful',
        source: 'ANNOTATION',
        traceId: 't3',
        observationId: null,
        timestamp: T0,
        comment: 'light',
      });
      expect(await store.listSessionScores({ sessionIds: [] })).toEqual([]);
    });

    it('links a session score that came before its trace once the trace is here', async () => {
      const store = await open();
      await store.upsert({ scores: [score({ id: 'early', traceId: 'late-trace' })] });
      expect(await store.listSessionScores({ sessionIds: ['s9'] })).toEqual([]);
      await store.upsert({ traces: [trace({ id: 'late-trace', sessionId: 's9' })] });
      await store.refresh();
      const linked = await store.listSessionScores({ sessionIds: ['s9'] });
      expect(linked.map((s) => s.id)).toEqual(['early']);
    });

    it('filters sessions by a score: any, a mean within bounds, a value', async () => {
      const store = await loadScoredSessions(open);
      expect(await ids(store, { score: { name: 'helpfulness' } })).toEqual(['s1', 's2', 's3']);
      // s1's mean is 0.4, s2's 0.9, s3's 0.5.
      expect(await ids(store, { score: { name: 'helpfulness', max: 0.45 } })).toEqual(['s1']);
      expect(await ids(store, { score: { name: 'helpfulness', min: 0.5 } })).toEqual(['s2', 's3']);
      expect(await ids(store, { score: { name: 'helpfulness', min: 0.45, max: 0.5 } })).toEqual([
        's3',
      ]);
      expect(await ids(store, { score: { name: 'user-feedback', value: 'False' } })).toEqual([
        's2',
      ]);
      expect(await ids(store, { score: { name: 'user-feedback', value: 'True' } })).toEqual([]);
      expect(await ids(store, { score: { name: 'user-feedback', max: 0 } })).toEqual(['s2']);
      expect(await ids(store, { score: { name: 'tone', value: 'playful' } })).toEqual(['s3']);
      // A categorical score has no numbers, so no mean to bound.
      expect(await ids(store, { score: { name: 'tone', min: 0 } })).toEqual([]);
      expect(await ids(store, { score: { name: 'no-such-score' } })).toEqual([]);
      const page = await store.listSessions({
        score: { name: 'helpfulness', min: 0.45 },
        limit: 1,
      });
      expect(page).toMatchObject({ total: 2, totalPages: 2 });
      const scan = await store.scanSessions({ score: { name: 'tone' } });
      expect(scan.items.map((row) => row.id)).toEqual(['s3']);
    });

    it('rejects bad score filters and session id lists', async () => {
      const store = await open();
      const filters = [
        { name: '' },
        { name: 'helpfulness', min: Number.NaN },
        { name: 'helpfulness', max: Number.POSITIVE_INFINITY },
        { name: 'helpfulness', min: 0.8, max: 0.2 },
        { name: 'helpfulness', value: '' },
        { name: 'tone', value: 'flat', min: 0 },
      ];
      for (const score of filters) {
        expect(await codeOf(store.listSessions({ score })), JSON.stringify(score)).toBe(
          'STORE_INVALID_QUERY',
        );
      }
      const many = Array.from({ length: SESSION_SCORES_MAX_IDS + 1 }, (_, i) => `s${i}`);
      expect(await codeOf(store.listSessionScores({ sessionIds: many }))).toBe(
        'STORE_INVALID_QUERY',
      );
      expect(await codeOf(store.getScore({ name: 'helpfulness', timeZone: 'Mars/Olympus' }))).toBe(
        'STORE_INVALID_QUERY',
      );
    });

    it('buckets a score series at the local midnights of a zone', async () => {
      const store = await open();
      // 05:00 and 20:00 in New York on 20 November: one local day, two UTC days.
      await store.upsert({
        scores: [
          score({ id: 'a', value: 0.2 }),
          score({ id: 'b', value: 0.4, timestamp: T0 + 15 * HOUR }),
        ],
      });
      const newYorkMidnight = T0 - 5 * HOUR;
      const range = { from: newYorkMidnight, to: newYorkMidnight + 48 * HOUR };
      const local = await store.getScore({
        name: 'helpfulness',
        range,
        bucket: 'day',
        timeZone: 'America/New_York',
      });
      expect(local?.series.map((p) => [p.bucketStart, p.count])).toEqual([
        [newYorkMidnight, 2],
        [newYorkMidnight + 24 * HOUR, 0],
      ]);
      expect(local?.series[0]?.mean).toBeCloseTo(0.3, 12);
      const utc = await store.getScore({ name: 'helpfulness', bucket: 'day' });
      expect(utc?.series.map((p) => p.count)).toEqual([1, 1]);
    });
  });
}
