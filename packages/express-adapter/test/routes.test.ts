import type { Dashboard } from '@cupid-dashboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mountedApp, silentLogger } from './support/app';
import { dataset, NOW, SYNCED_AT, seededDashboard, stores } from './support/dataset';

const DAY = 86_400_000;
const mounts = [
  ['the root', ''],
  ['a prefix', '/internal/dashboard'],
] as const;
type Row = { id: string; user_id: string | null; started_at: string; status: string } & Record<
  string,
  unknown
>;

describe.each(stores)('dashboardRouter over the %s store', (_name, open) => {
  describe.each(mounts)('mounted at %s', (_where, prefix) => {
    let dashboard: Dashboard;
    let app: Awaited<ReturnType<typeof mountedApp>>;
    const rows = async (query: string): Promise<Row[]> => {
      const response = await app.get(`/api/sessions?limit=200&${query}`);
      expect(response.status).toBe(200);
      return response.body.sessions;
    };

    beforeAll(async () => {
      dashboard = await seededDashboard(open);
      app = await mountedApp(dashboard, prefix, { logger: silentLogger() });
    });

    it('serves the OpenAPI document with the mount path as server', () => {
      expect(app.document.openapi).toBe('3.1.0');
      expect(app.document.servers).toEqual([{ url: prefix === '' ? '/' : prefix }]);
    });

    it('lists sessions newest first with pagination and X-Data-As-Of', async () => {
      const response = await app.get('/api/sessions');
      expect(response.headers['x-data-as-of']).toBe(new Date(SYNCED_AT).toISOString());
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.pagination).toEqual({ page: 1, limit: 50, total: 40, total_pages: 1 });
      const started = (response.body.sessions as Row[]).map((row) => row.started_at);
      expect(started).toEqual([...started].sort().reverse());
    });

    it.each([
      ['limit=1', 1, 1, 40],
      ['limit=200', 40, 200, 1],
      ['limit=7&page=6', 5, 7, 6],
      ['limit=1&page=40', 1, 1, 40],
      ['limit=1&page=41', 0, 1, 40],
      ['limit=50&page=2', 0, 50, 1],
    ])('pages with %s', async (query, count, limit, totalPages) => {
      const response = await app.get(`/api/sessions?${query}`);
      expect(response.status).toBe(200);
      expect(response.body.sessions).toHaveLength(count);
      expect(response.body.pagination).toMatchObject({ limit, total: 40, total_pages: totalPages });
    });

    it('walks every page without losing or repeating a session', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 6; page += 1) {
        const response = await app.get(`/api/sessions?limit=7&page=${page}&sort=id&order=asc`);
        seen.push(...(response.body.sessions as Row[]).map((row) => row.id));
      }
      expect(seen).toEqual(dataset.sessions.map((session) => session.id).sort());
    });

    it('narrows by time_range and from/to', async () => {
      const counts: number[] = [];
      for (const range of ['24h', '7d', '30d', 'all']) {
        const found = await rows(`time_range=${range}`);
        const length = {
          '24h': DAY,
          '7d': 7 * DAY,
          '30d': 30 * DAY,
          all: Number.POSITIVE_INFINITY,
        }[range] as number;
        for (const row of found)
          expect(Date.parse(row.started_at)).toBeGreaterThanOrEqual(NOW - length);
        counts.push(found.length);
      }
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts[3]).toBe(40);
      const from = '2026-11-01T00:00:00Z';
      const to = '2026-11-10';
      const window = await rows(`from=${from}&to=${to}`);
      expect(window.length).toBeGreaterThan(0);
      for (const row of window) {
        expect(Date.parse(row.started_at)).toBeGreaterThanOrEqual(Date.parse(from));
        expect(Date.parse(row.started_at)).toBeLessThan(Date.parse(to));
      }
    });

    it('filters by status, adding up to the stats', async () => {
      const stats = (await app.get('/api/sessions/stats')).body;
      expect(stats.total_sessions).toBe(40);
      for (const status of ['completed', 'active', 'abandoned', 'error']) {
        const found = await rows(`status=${status}`);
        expect(found.every((row) => row.status === status)).toBe(true);
        expect(found).toHaveLength(stats.by_status[status]);
      }
      expect(await rows('status=all')).toHaveLength(40);
    });

    it('searches ids, users and message text; SQL-looking and unicode text is literal', async () => {
      const target = dataset.sessions[3]?.id as string;
      expect(
        (await rows(`search=${encodeURIComponent(target.slice(2, 14).toUpperCase())}`)).map(
          (row) => row.id,
        ),
      ).toContain(target);
      const user = dataset.users[0] as string;
      const byUser = await rows(`search=${encodeURIComponent(user)}`);
      expect(byUser.length).toBeGreaterThan(0);
      const words = (await app.get(`/api/sessions/${target}/conversation`)).body.messages[0]
        .content as string;
      expect(
        (await rows(`search=${encodeURIComponent(words.slice(0, 20))}`)).map((row) => row.id),
      ).toContain(target);
      for (const text of [
        "' OR 1=1 --",
        '%',
        '%%',
        '*',
        '"; DROP TABLE sessions; --',
        '恋 💘',
        'Ünïcödé',
        '\\',
      ]) {
        const response = await app.get(`/api/sessions?search=${encodeURIComponent(text)}`);
        expect(response.status).toBe(200);
        expect(response.body.sessions).toEqual([]);
      }
      expect(await rows('search=')).toHaveLength(40);
    });

    it('filters by user_id', async () => {
      const user = dataset.users[0] as string;
      const found = await rows(`user_id=${encodeURIComponent(user)}`);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((row) => row.user_id === user)).toBe(true);
      expect(await rows('user_id=nobody')).toEqual([]);
    });

    it.each([
      ['duration', 'duration_ms'],
      ['cost', 'total_cost'],
      ['trace_count', 'trace_count'],
      ['generation_count', 'generation_count'],
      ['error_count', 'error_count'],
      ['last_activity', 'last_activity'],
      ['started_at', 'started_at'],
      ['id', 'id'],
    ])('sorts by %s in both orders', async (sort, field) => {
      for (const order of ['asc', 'desc']) {
        const values = (await rows(`sort=${sort}&order=${order}`)).map(
          (row) => row[field] as number | string,
        );
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(values).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    });

    it('accepts the other sort keys', async () => {
      for (const sort of ['chapter_reached', 'tokens', 'user_id'])
        expect(await rows(`sort=${sort}`)).toHaveLength(40);
    });

    it('answers session stats for each period', async () => {
      for (const range of ['24h', '7d', '30d', 'all']) {
        const response = await app.get(`/api/sessions/stats?time_range=${range}`);
        expect(response.status).toBe(200);
        expect(response.body.time_range).toBe(range);
        expect(response.body.chapter_funnel).toHaveLength(7);
      }
      const custom = await app.get('/api/sessions/stats?from=2026-11-01&to=2026-11-02T00:00:00Z');
      expect(custom.body.period).toEqual({
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-02T00:00:00.000Z',
      });
    });

    it('answers a conversation, and 404 for unknown or odd session ids', async () => {
      const id = dataset.sessions[0]?.id as string;
      const response = await app.get(`/api/sessions/${id}/conversation`);
      expect(response.status).toBe(200);
      expect(response.body.session_id).toBe(id);
      expect(response.body.messages.length).toBeGreaterThan(0);
      for (const odd of ['nope', 'a b', '恋', "1' OR '1'='1", 'a/b', '%']) {
        const missing = await app.get(`/api/sessions/${encodeURIComponent(odd)}/conversation`);
        expect(missing.status).toBe(404);
        expect(missing.body).toEqual({ detail: `Session not found: ${odd}`, code: 'NOT_FOUND' });
      }
    });

    it('lists agents, details and charts each one, and answers 404 for unknown agents', async () => {
      const list = await app.get('/api/agents');
      const names = (list.body.agents as { name: string }[]).map((agent) => agent.name);
      expect(names).toContain('Mortal');
      for (const name of names) {
        const detail = await app.get(
          `/api/agents/${encodeURIComponent(name)}?recent_errors_limit=3`,
        );
        expect(detail.status).toBe(200);
        expect(detail.body.recent_errors.length).toBeLessThanOrEqual(3);
      }
      const charts = await app.get(
        '/api/agents/Mortal/charts?from=2026-11-01&to=2026-11-08&bucket=day',
      );
      expect(charts.body.points).toHaveLength(7);
      expect(charts.body.points[6].bucket_start).toBe('2026-11-07T00:00:00.000Z');
      expect((await app.get('/api/agents/Mortal/charts?time_range=30d')).body.bucket).toBe('day');
      expect((await app.get('/api/agents/Mortal/charts?time_range=24h')).body.bucket).toBe('hour');
      for (const ghost of ['Ghost Agent 👻', 'mortal', "x' --"]) {
        const encoded = encodeURIComponent(ghost);
        expect((await app.get(`/api/agents/${encoded}`)).body).toEqual({
          detail: `Agent not found: ${ghost}`,
          code: 'NOT_FOUND',
        });
        expect((await app.get(`/api/agents/${encoded}/charts`)).status).toBe(404);
      }
    });

    it('takes the period on the agent and model routes', async () => {
      const recent = (await app.get('/api/agents?time_range=24h')).body;
      expect(recent.period.from).toBe(new Date(NOW - DAY).toISOString());
      for (const agent of recent.agents)
        expect(Date.parse(agent.last_seen)).toBeGreaterThanOrEqual(NOW - DAY);
      const all = (await app.get('/api/agents?time_range=all')).body.agents;
      const calls = (list: { calls: number }[]) =>
        list.reduce((sum, agent) => sum + agent.calls, 0);
      expect(calls(recent.agents)).toBeLessThan(calls(all));
      const window = '?from=2026-11-01&to=2026-11-08';
      const mortal = (await app.get(`/api/agents/Mortal${window}`)).body;
      expect(mortal.period).toEqual({
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-08T00:00:00.000Z',
      });
      const models = (await app.get(`/api/metrics/models${window}`)).body;
      expect(models.time_range).toBe('custom');
      expect(models.total_cost).toBeCloseTo(
        models.models.reduce(
          (sum: number, model: { total_cost: number }) => sum + model.total_cost,
          0,
        ),
        9,
      );
    });

    it('answers dashboard and model metrics for each period', async () => {
      for (const range of ['24h', '7d', '30d', 'all']) {
        const metrics = await app.get(`/api/metrics/dashboard?time_range=${range}&top_agents=3`);
        expect(metrics.status).toBe(200);
        expect(metrics.body.top_agents.length).toBeLessThanOrEqual(3);
        expect(metrics.body.previous_period === null).toBe(range === 'all');
        const models = await app.get(`/api/metrics/models?time_range=${range}`);
        expect(models.status).toBe(200);
      }
      const all = (await app.get('/api/metrics/dashboard')).body;
      expect(all.kpis.sessions.value).toBe(40);
      const hourly = await app.get(
        '/api/metrics/dashboard?from=2026-11-10&to=2026-11-13&bucket=hour',
      );
      expect(hourly.body.time_series).toHaveLength(72);
      expect(hourly.body.previous_period).toEqual({
        from: '2026-11-07T00:00:00.000Z',
        to: '2026-11-10T00:00:00.000Z',
      });
    });

    it('answers sync status, 409 for a trigger without sync, and health', async () => {
      const status = await app.get('/api/sync/status');
      expect(status.body).toMatchObject({ configured: false, status: 'success', running: false });
      expect(status.headers['x-data-as-of']).toBeUndefined();
      const trigger = await app.post('/api/sync/trigger');
      expect(trigger.status).toBe(409);
      const health = await app.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', database: { status: 'ok' } });
    });

    it.each([
      ['/api/sessions?time_range=90d', 'time_range'],
      ['/api/sessions?status=finished', 'status'],
      ['/api/sessions?sort=cost_usd', 'sort'],
      ['/api/sessions?order=random', 'order'],
      ['/api/sessions?page=0', 'page'],
      ['/api/sessions?page=-1', 'page'],
      ['/api/sessions?page=abc', 'page'],
      ['/api/sessions?limit=0', 'limit'],
      ['/api/sessions?limit=201', 'limit'],
      ['/api/sessions?limit=2.5', 'limit'],
      ['/api/sessions?limit=1&limit=2', 'limit'],
      ['/api/sessions?from=not-a-date', 'from'],
      ['/api/sessions?to=2026-11-20T12:00', 'to'],
      ['/api/sessions?from=2026-11-10&to=2026-11-01', 'to'],
      ['/api/sessions?search=a&search=b', 'search'],
      ['/api/sessions/stats?time_range=1w', 'time_range'],
      ['/api/sessions/stats?from=2026-02-31x', 'from'],
      ['/api/agents?time_range=ALL', 'time_range'],
      ['/api/agents/Mortal?recent_errors_limit=0', 'recent_errors_limit'],
      ['/api/agents/Mortal?to=tomorrow', 'to'],
      ['/api/agents/Mortal/charts?bucket=minute', 'bucket'],
      ['/api/agents/Mortal/charts?from=2000-01-01&bucket=hour', 'bucket'],
      ['/api/metrics/dashboard?top_agents=51', 'top_agents'],
      ['/api/metrics/dashboard?bucket=week', 'bucket'],
      ['/api/metrics/dashboard?time_range=', 'time_range'],
      ['/api/metrics/models?from=0', 'from'],
    ])('answers 422 for %s naming %s', async (path, field) => {
      const response = await app.get(path);
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual(expect.any(String));
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('leaves the host app’s other routes alone', async () => {
      const response = await app.agent.get('/host/ping');
      expect(response.body).toEqual({ host: true });
    });
  });
});
