import type { AddressInfo } from 'node:net';
import {
  createDashboard,
  type Dashboard,
  type DashboardStore,
  SESSION_EXPORT_COLUMNS,
} from '@cupid-dashboard/core';
import { observation } from '@cupid-dashboard/core/testing';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import { parse } from 'csv-parse/sync';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { silentLogger } from './support/app';
import { NOW, seededDashboard, stores } from './support/dataset';

type Listening = { url: string; close: () => Promise<void> };
type WireRow = Record<string, unknown> & { id: string };
type Listed = { pagination: { total: number }; sessions: WireRow[]; agents: WireRow[] };

/** The dashboard on a real HTTP server on a free port, so streaming goes over a socket. */
async function listen(dashboard: Dashboard, logger = silentLogger()): Promise<Listening> {
  const app = express().use('/dash', dashboardRouter(dashboard, { logger }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dash`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** CSV text as records of named fields, parsed by csv-parse (RFC 4180, CRLF). */
const parseCsv = (text: string): Record<string, string>[] =>
  parse(text, { columns: true, skip_empty_lines: false });

/**
 * A list row without its `scores`: the export streams the session's own columns, and a session's
 * scores (a list of records) are read from the list rows or the conversation instead.
 */
function withoutScores(row: Record<string, unknown>): Record<string, unknown> {
  const { scores: _scores, ...rest } = row;
  return rest;
}

/** A list row as the CSV writes it: every field a string, null empty, tokens flattened. */
function asCsvRecord(row: Record<string, unknown>): Record<string, string> {
  const tokens = row.tokens as { input: number; output: number; total: number };
  const flat: Record<string, unknown> = {
    ...withoutScores(row),
    tokens_input: tokens.input,
    tokens_output: tokens.output,
    tokens_total: tokens.total,
  };
  delete flat.tokens;
  return Object.fromEntries(
    Object.entries(flat).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}

describe.each(stores)('exports over the %s store', (_name, open) => {
  let server: Listening;
  const getJson = async (path: string) =>
    (await (await fetch(`${server.url}${path}`)).json()) as Listed;

  beforeAll(async () => {
    server = await listen(await seededDashboard(open));
  });
  afterAll(() => server.close());

  it('exports every session as RFC 4180 CSV, in the list order, with the list values', async () => {
    const response = await fetch(`${server.url}/api/sessions/export?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('x-data-as-of')).not.toBeNull();
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(SESSION_EXPORT_COLUMNS.map((c) => c.header).join(','));
    const listed = await getJson('/api/sessions?limit=200');
    expect(listed.pagination.total).toBe(40);
    expect(parseCsv(text)).toEqual(listed.sessions.map(asCsvRecord));
  });

  it.each([
    'status=completed&time_range=7d',
    'status=abandoned&sort=cost&order=asc',
    'search=love&sort=duration',
    'from=2026-11-01&to=2026-11-15T06:00:00Z&sort=user_id&order=desc',
  ])('applies the list filters and sort: %s', async (query) => {
    const csv = await (await fetch(`${server.url}/api/sessions/export?${query}`)).text();
    const listed = await getJson(`/api/sessions?limit=200&${query}`);
    expect(parseCsv(csv).map((row) => row.id)).toEqual(listed.sessions.map((row) => row.id));
  });

  it('exports JSON Lines holding the list rows as they are, scores aside', async () => {
    const response = await fetch(`${server.url}/api/sessions/export?format=jsonl&sort=id`);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).split('\n');
    expect(lines.at(-1)).toBe('');
    const listed = await getJson('/api/sessions?limit=200&sort=id');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(
      listed.sessions.map(withoutScores),
    );
  });

  it('names the file after the period', async () => {
    const custom = await fetch(
      `${server.url}/api/sessions/export?from=2026-11-01&to=2026-11-15T06:30:00Z`,
    );
    expect(custom.headers.get('content-disposition')).toBe(
      'attachment; filename="sessions_2026-11-01T000000Z_2026-11-15T063000Z.csv"',
    );
    await custom.body?.cancel();
    const week = await fetch(`${server.url}/api/agents/export?time_range=7d&format=jsonl`);
    expect(week.headers.get('content-disposition')).toBe(
      'attachment; filename="agents_2026-11-13T120000Z_2026-11-20T120000Z.jsonl"',
    );
    await week.body?.cancel();
    const all = await fetch(`${server.url}/api/sessions/export`);
    expect(all.headers.get('content-disposition')).toBe(
      'attachment; filename="sessions_all_2026-11-20T120000Z.csv"',
    );
    await all.body?.cancel();
  });

  it('exports the agents of the period as CSV and JSON Lines', async () => {
    const listed = await getJson('/api/agents?time_range=30d');
    expect(listed.agents.length).toBeGreaterThan(3);
    const csv = await (await fetch(`${server.url}/api/agents/export?time_range=30d`)).text();
    expect(parseCsv(csv)).toEqual(listed.agents.map(asCsvRecord));
    const jsonl = await (
      await fetch(`${server.url}/api/agents/export?time_range=30d&format=jsonl`)
    ).text();
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(listed.agents);
  });

  it('writes only the header row when nothing matches, and 422 for a bad format', async () => {
    const empty = await (
      await fetch(`${server.url}/api/sessions/export?search=zzz-no-such-text`)
    ).text();
    expect(empty).toBe(`${SESSION_EXPORT_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    expect(
      await (
        await fetch(`${server.url}/api/agents/export?from=2000-01-01&to=2000-01-02&format=jsonl`)
      ).text(),
    ).toBe('');
    const bad = await fetch(`${server.url}/api/sessions/export?format=xml&page=2`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      errors: [{ field: 'format' }],
    });
  });
});

describe('exports many sessions', () => {
  const SESSIONS = 2_345;
  let store: DashboardStore;
  let server: Listening;
  const batches: number[] = [];

  beforeAll(async () => {
    store = await createSqliteStore({ path: ':memory:', now: () => NOW });
    // Ids and users with every character CSV must quote: comma, double quote, CR and LF.
    const observations = Array.from({ length: SESSIONS }, (_, i) =>
      observation({
        id: `o${i}`,
        sessionId: `s,${String(i).padStart(5, '0')}`,
        userId: i % 3 === 0 ? `user "${i % 7}",\r\nline` : null,
        startTime: NOW - 86_400_000 + i * 1000,
        totalCost: (i % 11) / 10,
      }),
    );
    await store.refresh((await store.upsert({ observations })).touched);
    const scan = store.scanSessions.bind(store);
    const counting: DashboardStore = Object.assign(Object.create(store), {
      scanSessions: async (params: Parameters<DashboardStore['scanSessions']>[0]) => {
        const batch = await scan(params);
        batches.push(batch.items.length);
        return batch;
      },
    });
    server = await listen(createDashboard({ store: counting, now: () => NOW }));
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('streams every row once, reading the store a batch at a time', async () => {
    const text = await (await fetch(`${server.url}/api/sessions/export?sort=cost`)).text();
    const rows = parseCsv(text);
    expect(rows).toHaveLength(SESSIONS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(SESSIONS);
    expect(rows.filter((row) => row.user_id?.includes('"')).length).toBe(Math.ceil(SESSIONS / 3));
    expect(rows.find((row) => row.user_id !== '')?.user_id).toMatch(/^user "\d",\r\nline$/);
    const costs = rows.map((row) => Number(row.total_cost));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(batches.length).toBeGreaterThan(1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(1000);
    expect(batches.reduce((sum, n) => sum + n, 0)).toBe(SESSIONS);
  });
});

describe('export failures', () => {
  it('answers 503 JSON when the store fails before the first row', async () => {
    const store = await createSqliteStore({ path: ':memory:', now: () => NOW });
    await store.close();
    const server = await listen(createDashboard({ store, now: () => NOW }));
    const response = await fetch(`${server.url}/api/sessions/export`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await server.close();
  });

  it('cuts the download off, and logs why, when the store fails midway', async () => {
    const store = await createSqliteStore({ path: ':memory:', now: () => NOW });
    // Five full batches: the first chunk is sent long before the sixth read fails.
    const observations = Array.from({ length: 3000 }, (_, i) =>
      observation({ id: `o${i}`, sessionId: `s${i}`, startTime: NOW - i * 1000 }),
    );
    await store.refresh((await store.upsert({ observations })).touched);
    let calls = 0;
    const failing: DashboardStore = Object.assign(Object.create(store), {
      scanSessions: async (params: Parameters<DashboardStore['scanSessions']>[0]) => {
        calls += 1;
        if (calls > 5) throw new Error('disk on fire');
        return store.scanSessions(params);
      },
    });
    const logger = silentLogger();
    const server = await listen(createDashboard({ store: failing, now: () => NOW }), logger);
    const response = await fetch(`${server.url}/api/sessions/export`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(String(logger.logged[0])).toMatch(/disk on fire/);
    await server.close();
    await store.close();
  });
});
