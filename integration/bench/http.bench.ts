/**
 * The HTTP benchmark: every analytics route served by `dashboardRouter` over a SQLite store, at
 * concurrency 20 with autocannon, beside an Express `res.json` hello-world measured in the same
 * run; on the demo's dataset (3,000 sessions over 30 days) and on a larger generated one
 * (20,000 sessions ≈ 1M observations by default). Also the uncached view: the latency of
 * `/api/metrics/dashboard` when every request follows a committed write (the first view after a
 * sync), one request at a time.
 *
 * Every path asks for `time_range=7d` (the conversation has no period). autocannon runs in this
 * process, beside the servers, for the hello-world and the dashboard alike, so their ratio compares
 * like with like.
 *
 * Run: `npm run bench -w @cupid-dashboard/integration-tests` (after the sync benchmark), or
 * `npm run bench:http -w @cupid-dashboard/integration-tests` alone. `BENCH_HTTP_SECONDS` (default 5) per
 * measurement, `BENCH_HTTP_RUNS` (default 3; figures are medians), `BENCH_HTTP_LARGE_SESSIONS`
 * (default 20000), `BENCH_HTTP_DEMO_SESSIONS` (default 3000, for a quick run). Writes `<repo>/bench-results/http.json`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDashboard,
  type DashboardStore,
  type ObservationRecord,
} from '@cupid-dashboard/core';
import { streamCupidDataset } from '@cupid-dashboard/core/dataset';
import { dashboardRouter } from '@cupid-dashboard/express';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import autocannon from 'autocannon';
import express from 'express';
import { type Row, report } from './support';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_HTTP_RUNS ?? 3);
const CONNECTIONS = 20;
const UNCACHED_VIEWS = 60;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;
const TARGET_UNCACHED_P95_MS = 25;
const DATASETS = [
  { name: 'demo', sessions: Number(process.env.BENCH_HTTP_DEMO_SESSIONS ?? 3000) },
  { name: 'large', sessions: Number(process.env.BENCH_HTTP_LARGE_SESSIONS ?? 20_000) },
];

interface Measured {
  rps: number;
  p99Ms: number;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cache-http-bench-'));
  const rows: Row[] = [];
  const context: Record<string, unknown> = {
    connections: CONNECTIONS,
    secondsPerMeasurement: SECONDS,
    runs: RUNS,
    datasets: {},
  };
  const hello = await listen(helloApp());
  try {
    const helloRuns: Measured[] = [];
    for (const dataset of DATASETS) {
      const loaded = await loadStore(join(work, `${dataset.name}.db`), dataset.sessions);
      (context.datasets as Record<string, unknown>)[dataset.name] = {
        sessions: dataset.sessions,
        observations: loaded.observations,
        loadSeconds: loaded.loadMs / 1000,
      };
      console.log(
        `${dataset.name}: ${loaded.observations} observations loaded in ${(loaded.loadMs / 1000).toFixed(0)} s`,
      );
      const dashboard = createDashboard({ store: loaded.store });
      const app = express();
      app.use(dashboardRouter(dashboard));
      const server = await listen(app);
      try {
        const paths = await analyticsPaths(loaded.store);
        // The hello-world is measured beside every dataset, so a change in machine load between
        // datasets shows in the baseline too.
        const baseline = await median(() => measure(`${hello.url}/hello`), helloRuns);
        for (const [label, path] of paths) {
          const measured = await median(() => measure(`${server.url}${path}`));
          rows.push(
            {
              figure: `${dataset.name} ${label} (req/s)`,
              value: measured.rps,
              target: `≥ ${TARGET_RATIO}× hello-world`,
              baseline: baseline.rps,
              baselineLabel: 'Express res.json hello-world',
              ratio: measured.rps / baseline.rps,
              pass: measured.rps / baseline.rps >= TARGET_RATIO,
            },
            {
              figure: `${dataset.name} ${label} p99 (ms)`,
              value: measured.p99Ms,
              target: `≤ ${TARGET_P99_MS} ms`,
              baseline: baseline.p99Ms,
              baselineLabel: 'hello-world p99',
              ratio: null,
              pass: measured.p99Ms <= TARGET_P99_MS,
            },
          );
        }
        const uncached = await uncachedViews(server.url, loaded.store, loaded.now);
        rows.push({
          figure: `${dataset.name} uncached /api/metrics/dashboard p95 (ms)`,
          value: uncached.p95Ms,
          target: `≤ ${TARGET_UNCACHED_P95_MS} ms`,
          baseline: uncached.p50Ms,
          baselineLabel: 'its p50',
          ratio: null,
          pass: uncached.p95Ms <= TARGET_UNCACHED_P95_MS,
        });
      } finally {
        await server.close();
        await dashboard.close();
      }
    }
    context.helloWorld = helloRuns;
  } finally {
    await hello.close();
    rmSync(work, { recursive: true, force: true });
  }
  report('http', rows, context);
}

function helloApp(): express.Express {
  const app = express();
  app.get('/hello', (_req, res) => {
    res.json({ hello: 'world' });
  });
  return app;
}

/** Loads the generated dataset, ending now, into a SQLite file the way a sync would: page by page. */
async function loadStore(
  path: string,
  sessions: number,
): Promise<{ store: DashboardStore; observations: number; loadMs: number; now: number }> {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const store = await createSqliteStore({ path });
  const started = performance.now();
  let page: Required<Parameters<DashboardStore['upsert']>[0]> = {
    sessions: [],
    traces: [],
    observations: [],
    scores: [],
  };
  let observations = 0;
  const flush = async () => {
    const { touched } = await store.upsert(page);
    await store.refresh(touched);
    observations += page.observations.length;
    page = { sessions: [], traces: [], observations: [], scores: [] };
  };
  for (const chunk of streamCupidDataset({ sessions, seed: 7, days: 30, end: now })) {
    (page.sessions as unknown[]).push(chunk.session);
    (page.traces as unknown[]).push(...chunk.traces);
    (page.observations as unknown[]).push(...chunk.observations, ...chunk.lateUpdates);
    if (page.observations.length >= 1000) await flush();
  }
  if (page.sessions.length > 0) await flush();
  await store.saveSyncState({ status: 'success', lastSuccessAt: Date.now() });
  return { store, observations, loadMs: performance.now() - started, now };
}

/** One path per analytics route, with parameters the dataset answers, by route. */
async function analyticsPaths(store: DashboardStore): Promise<[string, string][]> {
  const [session] = (await store.listSessions({ limit: 1 })).items;
  const [agent] = await store.listAgents({});
  if (session === undefined || agent === undefined) throw new Error('the dataset is empty');
  const name = encodeURIComponent(agent.name);
  const week = '?time_range=7d';
  return [
    ['/api/sessions', `/api/sessions${week}`],
    ['/api/sessions/stats', `/api/sessions/stats${week}`],
    [
      '/api/sessions/{id}/conversation',
      `/api/sessions/${encodeURIComponent(session.id)}/conversation`,
    ],
    ['/api/agents', `/api/agents${week}`],
    ['/api/agents/{name}', `/api/agents/${name}${week}`],
    ['/api/agents/{name}/charts', `/api/agents/${name}/charts${week}`],
    ['/api/metrics/dashboard', `/api/metrics/dashboard${week}`],
    ['/api/metrics/models', `/api/metrics/models${week}`],
  ];
}

/** autocannon at {@link CONNECTIONS} connections for {@link SECONDS}; every answer must be a 2xx. */
async function measure(url: string): Promise<Measured> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

/** The median run of `RUNS` by requests/s (its p99 comes with it); `into` collects every run. */
async function median(run: () => Promise<Measured>, into: Measured[] = []): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  into.push(...runs);
  runs.sort((a, b) => a.rps - b.rps);
  return runs[Math.floor(runs.length / 2)] as Measured;
}

/**
 * The first view after a sync, again and again: each time a new observation commits (the data
 * version moves), then one request for the dashboard, which must miss the cache (a new ETag).
 */
async function uncachedViews(
  url: string,
  store: DashboardStore,
  now: number,
): Promise<{ p50Ms: number; p95Ms: number }> {
  const timings: number[] = [];
  const tags = new Set<string>();
  for (let i = 0; i < UNCACHED_VIEWS; i++) {
    await store.upsert({ observations: [freshObservation(i, now)] });
    const started = performance.now();
    const response = await fetch(`${url}/api/metrics/dashboard?time_range=7d`);
    await response.arrayBuffer();
    timings.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`uncached view answered ${response.status}`);
    tags.add(response.headers.get('etag') ?? '');
  }
  if (tags.size !== UNCACHED_VIEWS) throw new Error('an uncached view was answered from the cache');
  timings.sort((a, b) => a - b);
  const at = (p: number) => timings[Math.ceil((p / 100) * timings.length) - 1] as number;
  return { p50Ms: at(50), p95Ms: at(95) };
}

function freshObservation(index: number, now: number): ObservationRecord {
  return {
    id: `bench-fresh-${index}`,
    traceId: `bench-fresh-trace-${index}`,
    type: 'GENERATION',
    name: 'Mortal',
    level: 'DEFAULT',
    statusMessage: null,
    parentObservationId: null,
    startTime: now - 60_000 + index,
    endTime: now - 59_000 + index,
    completionStartTime: null,
    model: 'gpt-4o-mini',
    input: null,
    output: null,
    metadata: null,
    usageDetails: { input: 100, output: 20 },
    costDetails: {},
    totalCost: 0.001,
    sessionId: `bench-fresh-session-${index}`,
    userId: null,
    environment: 'default',
    updatedAt: null,
  };
}

function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

await main();
