import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mountedApp, silentLogger } from './support/app';
import { seededDashboard, stores } from './support/dataset';

const open = stores[0]?.[1] as (typeof stores)[number][1];

// Every route, with `:param` segments to fill.
const ROUTES = [
  '/api/sessions',
  '/api/sessions/stats',
  '/api/sessions/export',
  '/api/agents/export',
  '/api/sessions/:id/conversation',
  '/api/agents',
  '/api/agents/:name',
  '/api/agents/:name/charts',
  '/api/metrics/dashboard',
  '/api/metrics/models',
  '/api/sync/status',
  'POST /api/sync/trigger',
  '/health',
  '/api/openapi.json',
];
const PARAM_NAMES = [
  'time_range',
  'from',
  'to',
  'status',
  'search',
  'user_id',
  'sort',
  'order',
  'page',
  'limit',
  'bucket',
  'format',
  'top_agents',
  'recent_errors_limit',
];
const TRICKY_VALUES = [
  '',
  '24h',
  '7d',
  '30d',
  'all',
  'hour',
  'day',
  'asc',
  'desc',
  'cost',
  'error',
  '0',
  '-1',
  '1.5',
  '201',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '2026-11-20',
  '2026-11-20T12:00:00Z',
  '0001-01-01',
  '9999-12-31T23:59:59Z',
  "' OR 1=1 --",
  '%',
  '%%',
  '恋 💘',
  '\u0000',
  'Mortal',
  'csv',
  'jsonl',
];

const segment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom(
    'Mortal',
    'End',
    'nope',
    'Ghost%20Agent',
    '%F0%9F%91%BB',
    '%E0%A4%A',
    '%',
    '%zz',
    '..',
  ),
);
const value = fc.oneof(
  fc.constantFrom(...TRICKY_VALUES),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);
const pair = fc.tuple(
  fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 8 })),
  value,
);
const query = fc
  .array(pair, { maxLength: 6 })
  .map((pairs) =>
    pairs.map(([key, text]) => `${encodeURIComponent(key)}=${encodeURIComponent(text)}`).join('&'),
  );

describe('random requests', () => {
  it('never get a 5xx, and every answer matches the OpenAPI document', async () => {
    const dashboard = await seededDashboard(open);
    const logger = silentLogger();
    const { get, post } = await mountedApp(dashboard, '/internal/dashboard', { logger });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), segment, query, async (route, part, search) => {
        const [method, bare] = route.startsWith('POST ')
          ? ['POST', route.slice(5)]
          : ['GET', route];
        const path = `${bare.replace(/:[a-z]+/, part)}${search === '' ? '' : `?${search}`}`;
        const response = method === 'POST' ? await post(path) : await get(path);
        expect(response.status, path).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(logger.logged).toEqual([]);
    // 200 requests through Express take a few seconds on a busy machine: past the default 5 s.
  }, 30_000);
});
