import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { observation, smallWorld, T0, trace } from './helpers/records';

const iso = (ms: number) => new Date(ms).toISOString();
const ids = (body: { data: Array<{ id: string }> }) => body.data.map((row) => row.id);

describe('GET /api/public/health and /projects', () => {
  it('answers health without auth', async () => {
    const sim = createLangfuseSimulator({ version: '3.99.0' });
    const { status, body } = await get(sim, '/api/public/health', false);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'OK', version: '3.99.0' });
  });

  it('returns the project of the keys', async () => {
    const sim = createLangfuseSimulator({ projectId: 'p-42' });
    const { status, body } = await get(sim, '/api/public/projects');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    expect(body.data[0].id).toBe('p-42');
  });
});

describe('GET /api/public/sessions', () => {
  it('pages newest first with page/limit meta', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const first = await get(sim, '/api/public/sessions?limit=1');
    expect(ids(first.body)).toEqual(['s2']);
    expect(first.body.meta).toEqual({ page: 1, limit: 1, totalItems: 2, totalPages: 2 });
    const second = await get(sim, '/api/public/sessions?limit=1&page=2');
    expect(second.body.data).toEqual([
      { id: 's1', createdAt: iso(T0), projectId: 'simulator-project', environment: 'default' },
    ]);
    const beyond = await get(sim, '/api/public/sessions?limit=1&page=3');
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.totalItems).toBe(2);
  });

  it('filters createdAt from-inclusive, to-exclusive', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const at = iso(T0 + 60_000);
    expect(ids((await get(sim, `/api/public/sessions?fromTimestamp=${at}`)).body)).toEqual(['s2']);
    expect(ids((await get(sim, `/api/public/sessions?toTimestamp=${at}`)).body)).toEqual(['s1']);
  });

  it('defaults limit to 50 and rejects more than 100', async () => {
    const sessions = Array.from({ length: 120 }, (_, i) => ({
      id: `s${String(i).padStart(3, '0')}`,
      createdAt: T0 + i,
      environment: 'default',
    }));
    const sim = createLangfuseSimulator({ dataset: { sessions } });
    const page = await get(sim, '/api/public/sessions');
    expect(page.body.data).toHaveLength(50);
    expect(page.body.meta).toEqual({ page: 1, limit: 50, totalItems: 120, totalPages: 3 });
    expect((await get(sim, '/api/public/sessions?limit=100')).body.data).toHaveLength(100);
    const tooMany = await get(sim, '/api/public/sessions?limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/invalid/i);
    expect((await get(sim, '/api/public/sessions?page=0')).status).toBe(400);
  });
});

describe('GET /api/public/traces', () => {
  it('lists newest first with latency and cost from the observations', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { body } = await get(sim, '/api/public/traces');
    expect(ids(body)).toEqual(['t3', 't2', 't1']);
    const t1 = body.data[2];
    // o1 starts at +1s, o2 ends at +6s: 5 s; cost 0.25 + 0.5.
    expect(t1.latency).toBe(5);
    expect(t1.totalCost).toBe(0.75);
    expect(t1.observations).toEqual(['o2', 'o1']);
    expect(t1.scores).toEqual([]);
    expect(t1.htmlPath).toBe('/project/simulator-project/traces/t1');
    expect(t1.tags).toEqual(['a', 'b']);
    // t2's only observation is still running and has no cost: its start counts, cost 0.
    expect(body.data[1].latency).toBe(0);
    expect(body.data[1].totalCost).toBe(0);
  });

  it('gives a trace without observations 0 latency and 0 cost', async () => {
    const sim = createLangfuseSimulator({ dataset: { traces: [trace('lonely', T0)] } });
    const { body } = await get(sim, '/api/public/traces');
    expect(body.data[0]).toMatchObject({
      id: 'lonely',
      latency: 0,
      totalCost: 0,
      observations: [],
    });
  });

  it('reports -1 metrics and no observation ids when those groups are left out', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { body } = await get(sim, '/api/public/traces?fields=core,io');
    expect(body.data[2]).toMatchObject({ id: 't1', latency: -1, totalCost: -1, observations: [] });
  });

  it('orders by timestamp.asc and by other fields', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    expect(ids((await get(sim, '/api/public/traces?orderBy=timestamp.asc')).body)).toEqual([
      't1',
      't2',
      't3',
    ]);
    expect(ids((await get(sim, '/api/public/traces?orderBy=name.asc')).body)).toEqual([
      't2', // 'end'
      't3', // 'turn', newer first on ties
      't1',
    ]);
    expect((await get(sim, '/api/public/traces?orderBy=cost.desc')).status).toBe(400);
    expect((await get(sim, '/api/public/traces?orderBy=timestamp')).status).toBe(400);
  });

  it('filters by user, session, name, tags and time', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const list = async (q: string) => ids((await get(sim, `/api/public/traces?${q}`)).body);
    expect(await list('userId=u1')).toEqual(['t2', 't1']);
    expect(await list('sessionId=s2')).toEqual(['t3']);
    expect(await list('name=end')).toEqual(['t2']);
    expect(await list('tags=a&tags=b')).toEqual(['t1']);
    expect(await list('tags=a&tags=c')).toEqual([]);
    expect(await list(`fromTimestamp=${iso(T0 + 10_000)}`)).toEqual(['t3', 't2']);
    expect(await list(`toTimestamp=${iso(T0 + 10_000)}`)).toEqual(['t1']);
    const page = await get(sim, '/api/public/traces?userId=u1&limit=1&page=2');
    expect(ids(page.body)).toEqual(['t1']);
    expect(page.body.meta).toEqual({ page: 2, limit: 1, totalItems: 2, totalPages: 2 });
  });
});

describe('GET /api/public/traces/{traceId}', () => {
  it('returns the trace with full observations', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { status, body } = await get(sim, '/api/public/traces/t1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 't1', latency: 5, totalCost: 0.75, scores: [] });
    expect(body.observations.map((o: { id: string }) => o.id)).toEqual(['o2', 'o1']);
  });

  it('answers 404 for an unknown id', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { status, body } = await get(sim, '/api/public/traces/nope');
    expect(status).toBe(404);
    expect(body.message).toContain('nope');
  });
});

describe('GET /api/public/observations (v1)', () => {
  it('pages by start time descending with views in numbers and seconds', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const { body } = await get(sim, '/api/public/observations');
    // o4 and o5 share a start time and trace: id descending breaks the tie.
    expect(ids(body)).toEqual(['o5', 'o4', 'o3', 'o2', 'o1']);
    const o1 = body.data[4];
    expect(o1).toMatchObject({
      latency: 2,
      timeToFirstToken: 0.5,
      inputPrice: 0.00015,
      outputPrice: 0.0002,
      calculatedInputCost: 0.15,
      calculatedOutputCost: 0.1,
      calculatedTotalCost: 0.25,
      usage: { input: 1000, output: 500, total: 1500 },
      input: [{ role: 'user', content: 'Hi' }],
    });
    expect(body.data[2].latency).toBeNull(); // o3 is still running
  });

  it('filters by trace, type, level, name, user, environment, parent and start time', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const list = async (q: string) => ids((await get(sim, `/api/public/observations?${q}`)).body);
    expect(await list('traceId=t1')).toEqual(['o2', 'o1']);
    expect(await list('type=SPAN')).toEqual(['o2']);
    expect(await list('level=ERROR')).toEqual(['o2']);
    expect(await list('name=Judge')).toEqual(['o2']);
    expect(await list('userId=u2')).toEqual(['o4']); // o5 has its own user
    expect(await list('environment=staging')).toEqual(['o4']);
    expect(await list('parentObservationId=o1')).toEqual(['o2']);
    expect(await list(`fromStartTime=${iso(T0 + 2000)}&toStartTime=${iso(T0 + 60_000)}`)).toEqual([
      'o3',
      'o2',
    ]);
    expect((await get(sim, '/api/public/observations?level=LOUD')).status).toBe(400);
  });

  it('counts totals under filters', async () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      observation(`x${i}`, 't', T0 + i, { level: i % 2 ? 'ERROR' : 'DEFAULT' }),
    );
    const sim = createLangfuseSimulator({ dataset: { observations: many } });
    const { body } = await get(sim, '/api/public/observations?level=ERROR&limit=2&page=2');
    expect(ids(body)).toEqual(['x1']);
    expect(body.meta).toEqual({ page: 2, limit: 2, totalItems: 3, totalPages: 2 });
  });
});
