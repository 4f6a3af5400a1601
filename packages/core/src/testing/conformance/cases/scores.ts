import { describe, expect, it } from 'vitest';
import type { DashboardStore } from '../../../store/store';
import { HOUR, MINUTE, observation, score, T0, trace } from '../fixtures';
import type { OpenStore } from '../open-store';
import { codeOf } from './lifecycle';

const range = { from: T0 - HOUR, to: T0 + 2 * HOUR };

/** The sessions a score name links to, from its lowest-scoring list. */
async function linkedSessions(store: DashboardStore, name = 'helpfulness'): Promise<string[]> {
  const detail = await store.getScore({ name, lowestSessionsLimit: 100 });
  return (detail?.lowestSessions ?? []).map((row) => row.sessionId).sort();
}

/** Scores: storage under the version rule, linking to sessions, and every statistic by hand. */
export function scoreCases(open: OpenStore): void {
  describe('scores', () => {
    it('stores scores, counts them and skips older versions', async () => {
      const store = await open();
      const first = await store.upsert({
        scores: [score({ id: 'a', updatedAt: 100 }), score({ id: 'b', name: 'tone' })],
      });
      expect(first.written.scores).toBe(2);
      const stale = await store.upsert({ scores: [score({ id: 'a', value: 0.1, updatedAt: 50 })] });
      expect(stale.written.scores).toBe(0);
      expect(stale.skipped.scores).toBe(1);
      const counts = await store.counts();
      expect(counts.records.scores).toBe(2);
      expect(counts.derived.scoreNames).toBe(2);
      expect((await store.listScores()).map((s) => [s.name, s.count, s.mean])).toEqual([
        ['helpfulness', 1, 0.5],
        ['tone', 1, 0.5],
      ]);
    });

    it('replaces a score overwritten at the source: its value, bucket and session move', async () => {
      const store = await open();
      await store.upsert({
        traces: [trace({ id: 't1', sessionId: 's1' }), trace({ id: 't2', sessionId: 's2' })],
      });
      const v1 = score({ id: 'x', traceId: 't1', value: 0.2, updatedAt: 100 });
      await store.upsert({ scores: [v1] });
      const v2 = { ...v1, traceId: 't2', value: 0.9, timestamp: T0 + HOUR, updatedAt: 200 };
      await store.upsert({ scores: [v2, v1] });
      const detail = await store.getScore({ name: 'helpfulness', range, bucket: 'hour' });
      expect(detail?.summary).toMatchObject({ count: 1, mean: 0.9 });
      expect(detail?.series.map((p) => p.count)).toEqual([0, 0, 1]);
      expect(detail?.lowestSessions).toEqual([{ sessionId: 's2', count: 1, mean: 0.9 }]);
    });

    it('links a score that arrives before its trace, and follows the trace to a new session', async () => {
      const store = await open();
      await store.upsert({
        scores: [
          score({ id: 'on-trace', traceId: 't1', value: 0.3 }),
          score({ id: 'on-session', sessionId: 's9', value: 0.6 }),
        ],
      });
      expect(await linkedSessions(store)).toEqual(['s9']);
      await store.upsert({ traces: [trace({ id: 't1', sessionId: 's1', updatedAt: 1 })] });
      await store.refresh();
      expect(await linkedSessions(store)).toEqual(['s1', 's9']);
      await store.upsert({ traces: [trace({ id: 't1', sessionId: 's2', updatedAt: 2 })] });
      await store.refresh();
      expect(await linkedSessions(store)).toEqual(['s2', 's9']);
      // Its own session wins over its trace's.
      await store.upsert({ scores: [score({ id: 'on-session', sessionId: 's9', traceId: 't1' })] });
      expect(await linkedSessions(store)).toEqual(['s2', 's9']);
    });

    it('answers summaries by hand: means, percentiles, value counts, sources and type', async () => {
      const store = await open();
      const numbers = [0.1, 0.2, 0.4, 0.8, -0.5];
      await store.upsert({
        scores: [
          ...numbers.map((value, i) => score({ id: `n${i}`, value, timestamp: T0 + i * MINUTE })),
          score({ id: 'n-api', value: 1, source: 'API', timestamp: T0 + 30 * MINUTE }),
          ...['True', 'True', 'False'].map((v, i) =>
            score({
              id: `b${i}`,
              name: 'user-feedback',
              dataType: 'BOOLEAN',
              value: v === 'True' ? 1 : 0,
              stringValue: v,
              source: 'API',
              timestamp: T0 + i * MINUTE,
            }),
          ),
          ...['flat', 'playful', 'playful'].map((v, i) =>
            score({
              id: `c${i}`,
              name: 'tone',
              dataType: 'CATEGORICAL',
              value: null,
              stringValue: v,
              source: 'ANNOTATION',
              timestamp: T0 + i * MINUTE,
            }),
          ),
          score({ id: 'outside', timestamp: T0 + 5 * HOUR, value: 100 }),
        ],
      });
      const summaries = await store.listScores({ range });
      expect(summaries.map((s) => s.name)).toEqual(['helpfulness', 'tone', 'user-feedback']);
      const [helpfulness, tone, feedback] = summaries;
      expect(helpfulness).toMatchObject({
        dataType: 'NUMERIC',
        sources: ['API', 'EVAL'],
        count: 6,
      });
      expect(helpfulness?.mean).toBeCloseTo(2 / 6, 12);
      // Nearest rank of [-0.5, 0.1, 0.2, 0.4, 0.8, 1]: p50 = rank 3, p95 = rank 6 (1% sketch).
      expect(helpfulness?.p50).toBeCloseTo(0.2, 2);
      expect(helpfulness?.p95).toBeCloseTo(1, 1);
      expect(helpfulness?.values).toEqual([]);
      expect(feedback).toMatchObject({
        dataType: 'BOOLEAN',
        sources: ['API'],
        count: 3,
        p50: null,
        p95: null,
        values: [
          { value: 'True', count: 2 },
          { value: 'False', count: 1 },
        ],
      });
      expect(feedback?.mean).toBeCloseTo(2 / 3, 12);
      expect(tone).toMatchObject({
        dataType: 'CATEGORICAL',
        sources: ['ANNOTATION'],
        count: 3,
        mean: null,
        values: [
          { value: 'playful', count: 2 },
          { value: 'flat', count: 1 },
        ],
      });
      // Unaligned edges: only the first three numeric scores fall in [T0 - 1 s, T0 + 2.5 min).
      const edge = await store.listScores({ range: { from: T0 - 1000, to: T0 + 2.5 * MINUTE } });
      expect(edge.find((s) => s.name === 'helpfulness')?.count).toBe(3);
      expect(await store.listScores({ range: { to: T0 - HOUR } })).toEqual([]);
    });

    it('answers the detail by hand: series, histogram, agents, models and lowest sessions', async () => {
      const store = await open();
      await store.upsert({
        traces: [trace({ id: 't1', sessionId: 's1' }), trace({ id: 't2', sessionId: 's2' })],
        observations: [
          observation({ id: 'o1', traceId: 't1', name: 'Mortal', model: 'gpt-4o' }),
          observation({ id: 'o2', traceId: 't2', name: 'Match', model: 'gpt-4o' }),
        ],
        scores: [
          score({ id: 'a', traceId: 't1', observationId: 'o1', value: 0 }),
          score({ id: 'b', traceId: 't1', observationId: 'o1', value: 1, timestamp: T0 + HOUR }),
          score({ id: 'c', traceId: 't2', observationId: 'o2', value: 0.2 }),
          score({ id: 'd', traceId: 't2', observationId: 'no-such', value: 0.4 }),
        ],
      });
      await store.refresh();
      const detail = await store.getScore({ name: 'helpfulness', range, bucket: 'hour' });
      expect(detail?.series.map((p) => [p.bucketStart, p.count])).toEqual([
        [T0 - HOUR, 0],
        [T0, 3],
        [T0 + HOUR, 1],
      ]);
      expect(detail?.series[1]?.mean).toBeCloseTo(0.2, 12);
      const bins = detail?.histogram ?? [];
      expect(bins).toHaveLength(10);
      expect(bins.map((bin) => bin.count)).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 0, 1]);
      expect(bins[0]?.from).toBe(0);
      expect(bins[9]?.to).toBeCloseTo(1, 1);
      expect(detail?.byAgent.map((row) => [row.key, row.count, row.mean])).toEqual([
        ['Mortal', 2, 0.5],
        ['Match', 1, 0.2],
      ]);
      expect(detail?.byModel.map((row) => [row.key, row.count])).toEqual([['gpt-4o', 3]]);
      expect(detail?.lowestSessions.map((row) => row.sessionId)).toEqual(['s2', 's1']);
      expect(detail?.lowestSessions[0]?.mean).toBeCloseTo(0.3, 12);
      const one = await store.getScore({ name: 'helpfulness', lowestSessionsLimit: 1 });
      expect(one?.lowestSessions).toHaveLength(1);
      expect(await store.getScore({ name: 'no-such-score' })).toBeNull();
      expect(await store.getScore({ name: 'helpfulness', range: { to: T0 - HOUR } })).toBeNull();
    });

    it('rejects bad scores and bad score queries', async () => {
      const store = await open();
      const bad = [
        score({ id: 'a', value: Number.NaN }),
        score({ id: 'a', timestamp: Number.POSITIVE_INFINITY }),
        score({ id: '' }),
        score({ id: 'a', name: '' }),
      ];
      for (const record of bad) {
        expect(await codeOf(store.upsert({ scores: [record] }))).toBe('STORE_INVALID_RECORD');
      }
      expect((await store.counts()).records.scores).toBe(0);
      const queries = [
        store.getScore({ name: '' }),
        store.getScore({ name: 'helpfulness', lowestSessionsLimit: 0 }),
        store.getScore({ name: 'helpfulness', bucket: 'week' as 'day' }),
        store.getScore({ name: 'helpfulness', timeZone: 'Mars/Olympus' }),
        store.listScores({ range: { from: Number.NaN } }),
      ];
      for (const query of queries) expect(await codeOf(query)).toBe('STORE_INVALID_QUERY');
    });
  });
}
