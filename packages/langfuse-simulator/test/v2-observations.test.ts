import type { ObservationRecord } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator, decodeCursor } from '../src/index';
import { get } from './helpers/client';
import { observation, smallWorld, T0 } from './helpers/records';

const iso = (ms: number) => new Date(ms).toISOString();
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((row) => row.id);

/** `count` observations spread over traces, several sharing a start time (to test tie-breaks). */
function manyObservations(count: number): ObservationRecord[] {
  return Array.from({ length: count }, (_, i) =>
    observation(`o${String(i).padStart(5, '0')}`, `t${i % 7}`, T0 + Math.floor(i / 3) * 1000),
  );
}

async function walk(sim: ReturnType<typeof createLangfuseSimulator>, query: string) {
  const seen: string[] = [];
  let requests = 0;
  let cursor: string | undefined;
  do {
    const c = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const { status, body } = await get(sim, `/api/public/v2/observations?${query}${c}`);
    expect(status).toBe(200);
    requests += 1;
    seen.push(...ids(body));
    cursor = body.meta.cursor;
  } while (cursor !== undefined);
  return { seen, requests };
}

describe('GET /api/public/v2/observations: order and cursor', () => {
  it('serves newest first by (startTime, traceId, id) descending', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { body } = await get(sim, '/api/public/v2/observations');
    expect(ids(body)).toEqual(['o5', 'o4', 'o3', 'o2', 'o1']);
    expect(body.meta).toEqual({});
  });

  it('covers every row exactly once, and a last full page has no cursor', async () => {
    const records = manyObservations(300);
    const sim = createLangfuseSimulator({ dataset: { observations: records } });
    const { seen, requests } = await walk(sim, 'limit=100');
    expect(requests).toBe(3);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toHaveLength(300);
    const expected = [...records]
      .sort(
        (a, b) =>
          b.startTime - a.startTime ||
          (b.traceId! < a.traceId! ? -1 : b.traceId! > a.traceId! ? 1 : 0) ||
          (b.id < a.id ? -1 : 1),
      )
      .map((r) => r.id);
    expect(seen).toEqual(expected);
  });

  it('walks 10,000 rows at limit 1000 in exactly 10 requests', async () => {
    const sim = createLangfuseSimulator({ dataset: { observations: manyObservations(10_000) } });
    const { seen, requests } = await walk(sim, 'limit=1000');
    expect(requests).toBe(10);
    expect(new Set(seen).size).toBe(10_000);
  });

  it('keeps the cursor a position only: filters are sent again with each page', async () => {
    const records = manyObservations(40);
    const sim = createLangfuseSimulator({ dataset: { observations: records } });
    const from = T0 + 2000; // rows 6.. (start >= +2s)
    const to = T0 + 10_000; // rows ..29 (start < +10s)
    const { seen } = await walk(sim, `limit=7&fromStartTime=${iso(from)}&toStartTime=${iso(to)}`);
    const expected = records.filter((r) => r.startTime >= from && r.startTime < to);
    expect(seen.sort()).toEqual(expected.map((r) => r.id).sort());

    const first = await get(sim, '/api/public/v2/observations?limit=5&traceId=t3');
    const position = decodeCursor(first.body.meta.cursor);
    expect(position).toEqual({
      startTime: Date.parse(first.body.data[4].startTime),
      traceId: 't3',
      id: first.body.data[4].id,
    });
    const { seen: traceRows } = await walk(sim, 'limit=5&traceId=t3');
    expect(traceRows.sort()).toEqual(
      records
        .filter((r) => r.traceId === 't3')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('never reaches rows newer than the first page of a walk', async () => {
    const sim = createLangfuseSimulator({ dataset: { observations: manyObservations(6) } });
    const first = await get(sim, '/api/public/v2/observations?limit=3');
    sim.publish({ observations: [observation('newest', 't0', T0 + 999_000)] });
    const next = await get(
      sim,
      `/api/public/v2/observations?limit=3&cursor=${encodeURIComponent(first.body.meta.cursor)}`,
    );
    expect(ids(next.body)).toEqual(['o00002', 'o00001', 'o00000']);
  });

  it('rejects a broken cursor, limit above 1000 and parseIoAsJson=true', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    expect((await get(sim, '/api/public/v2/observations?cursor=%%%')).status).toBe(400);
    expect((await get(sim, '/api/public/v2/observations?limit=1001')).status).toBe(400);
    expect((await get(sim, '/api/public/v2/observations?limit=1000')).status).toBe(200);
    expect((await get(sim, '/api/public/v2/observations?parseIoAsJson=true')).status).toBe(400);
  });

  it('defaults limit to 50', async () => {
    const sim = createLangfuseSimulator({ dataset: { observations: manyObservations(60) } });
    const { body } = await get(sim, '/api/public/v2/observations');
    expect(body.data).toHaveLength(50);
    expect(typeof body.meta.cursor).toBe('string');
  });
});

describe('GET /api/public/v2/observations: field groups', () => {
  it('serves core and basic by default, other groups absent', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { body } = await get(sim, '/api/public/v2/observations?traceId=t1');
    const o1 = body.data[1];
    expect(Object.keys(o1).sort()).toEqual(
      [
        'id',
        'traceId',
        'startTime',
        'endTime',
        'projectId',
        'parentObservationId',
        'type',
        'modelId',
        'inputPrice',
        'outputPrice',
        'totalPrice',
        'name',
        'level',
        'statusMessage',
        'version',
        'environment',
        'bookmarked',
        'public',
        'userId',
        'sessionId',
        'isRootObservation',
      ].sort(),
    );
    expect(o1).toMatchObject({
      id: 'o1',
      startTime: '2026-11-20T10:00:01.000Z',
      userId: 'u1', // from the trace
      sessionId: 's1',
      isRootObservation: true,
      modelId: null, // model group not requested
    });
    expect(body.data[0]).toMatchObject({
      id: 'o2',
      parentObservationId: 'o1',
      isRootObservation: false,
    });
  });

  it('keeps core only for unknown names, and the observation’s own user and session', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const core = await get(sim, '/api/public/v2/observations?fields=nonsense');
    expect(core.body.data[0].name).toBeUndefined();
    expect(core.body.data[0].id).toBe('o5');
    const basic = await get(sim, '/api/public/v2/observations?fields=basic');
    expect(basic.body.data[0]).toMatchObject({ userId: 'own-user', sessionId: 'own-session' });
  });

  it('serves every group with raw io, decimal prices, seconds and trace context', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const all = 'basic,time,io,metadata,model,usage,prompt,metrics,trace_context';
    const { body } = await get(sim, `/api/public/v2/observations?traceId=t1&fields=${all}`);
    const o1 = body.data[1];
    expect(o1).toMatchObject({
      input: '[{"role":"user","content":"Hi"}]',
      output: 'Hello, mortal.',
      providedModelName: 'gpt-4o-mini',
      inputPrice: '0.00015',
      outputPrice: '0.0002',
      usageDetails: { input: 1000, output: 500, total: 1500 },
      costDetails: { input: 0.15, output: 0.1, total: 0.25 },
      totalCost: 0.25,
      latency: 2,
      timeToFirstToken: 0.5,
      tags: ['a', 'b'],
      release: 'r1',
      traceName: 'turn',
      completionStartTime: '2026-11-20T10:00:01.500Z',
      promptName: null,
    });
    expect(o1.metadata.chapter).toBe(1);
    expect(o1.metadata.long).toHaveLength(200);
    const expanded = await get(
      sim,
      '/api/public/v2/observations?traceId=t1&fields=metadata&expandMetadata=long',
    );
    expect(expanded.body.data[1].metadata.long).toHaveLength(250);
  });

  it('filters by session (own or the trace’s), user, root and parent', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const list = async (q: string) =>
      ids((await get(sim, `/api/public/v2/observations?${q}`)).body);
    expect(await list('sessionId=s1')).toEqual(['o3', 'o2', 'o1']);
    expect(await list('sessionId=own-session')).toEqual(['o5']);
    expect(await list('userId=u2')).toEqual(['o4']);
    expect(await list('isRootObservation=false')).toEqual(['o2']);
    expect(await list('parentObservationId=')).toEqual(['o5', 'o4', 'o3', 'o1']);
    expect(await list('environment=staging')).toEqual(['o4']);
  });
});
