/**
 * The export benchmark: does `GET /api/sessions/export` stream, or does its memory grow with the
 * rows it sends? A SQLite store holds `BENCH_EXPORT_SESSIONS` sessions (default 100,000, one trace
 * and one generation each, spread over 100 days); the router serves it over real HTTP in this
 * process and a `fetch` client reads the CSV as it arrives, counting rows and discarding them.
 * The baseline, in the same run, is an export of a tenth of the rows (the last ten days): if the
 * route streams, the peak RSS growth of the full export stays near the small one's (ratio ≤ 1.5),
 * whereas a buffered answer would grow about ten times.
 *
 * Run: `npm run bench:export -w @cupid-dashboard/integration-tests`. Writes
 * `<repo>/bench-results/export.json`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDashboard,
  type DashboardStore,
  type ObservationRecord,
  type TraceRecord,
  type UpsertBatch,
} from '@cupid-dashboard/core';
import { observation, trace } from '@cupid-dashboard/core/testing';
import { dashboardRouter } from '@cupid-dashboard/express';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import express from 'express';
import { type Row, report, sampleRss } from './support';

const SESSIONS = Number(process.env.BENCH_EXPORT_SESSIONS ?? 100_000);
const DAYS = 100;
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T00:00:00Z');
const BATCH = 2_000;
const TARGET_RATIO = 1.5;

/** Session `i` starts `i * DAYS / SESSIONS` days after the first day: the last tenth in 10 days. */
function batchOf(first: number, count: number): UpsertBatch {
  const traces: TraceRecord[] = [];
  const observations: ObservationRecord[] = [];
  for (let i = first; i < first + count; i++) {
    const start = NOW - DAYS * DAY + Math.floor((i * DAYS * DAY) / SESSIONS);
    const sessionId = `session-${String(i).padStart(7, '0')}`;
    traces.push(
      trace({ id: `trace-${i}`, sessionId, userId: `user-${i % 500}`, timestamp: start }),
    );
    observations.push(
      observation({
        id: `obs-${i}`,
        traceId: `trace-${i}`,
        name: 'Mortal',
        startTime: start,
        endTime: start + 1_200,
        model: 'gpt-4o',
        input: [{ role: 'user', content: `Find me a match, number ${i}` }],
        output: { role: 'assistant', content: 'Meet Léa, 39.' },
        usageDetails: { input: 120, output: 40 },
        totalCost: 0.0011,
      }),
    );
  }
  return { traces, observations };
}

async function load(store: DashboardStore): Promise<void> {
  for (let first = 0; first < SESSIONS; first += BATCH) {
    await store.upsert(batchOf(first, Math.min(BATCH, SESSIONS - first)));
  }
  await store.refresh();
}

/** Streams one export, returning its rows (header excluded), bytes and this process's peak RSS growth. */
async function exportOnce(base: string, query: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  const rss = sampleRss();
  const started = performance.now();
  const response = await fetch(`${base}/api/sessions/export?format=csv&${query}`);
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows: lines - 1, bytes, seconds, growthMb: (rss.stop() - before) / 1_048_576 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cupid-export-bench-'));
  const store = await createSqliteStore({ path: join(dir, 'export.db'), now: () => NOW });
  try {
    const loadStart = performance.now();
    await load(store);
    console.log(
      `loaded ${SESSIONS} sessions in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );
    const app = express();
    app.use(dashboardRouter(createDashboard({ store, cache: false })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const tenth = await exportOnce(
      base,
      `from=${new Date(NOW - 10 * DAY).toISOString()}&to=${new Date(NOW).toISOString()}`,
    );
    const all = await exportOnce(base, 'time_range=all');
    server.close();
    console.log(
      `tenth: ${tenth.rows} rows, ${(tenth.bytes / 1e6).toFixed(1)} MB in ${tenth.seconds.toFixed(1)} s`,
    );
    console.log(
      `all:   ${all.rows} rows, ${(all.bytes / 1e6).toFixed(1)} MB in ${all.seconds.toFixed(1)} s`,
    );
    if (all.rows !== SESSIONS) throw new Error(`the export sent ${all.rows} rows, not ${SESSIONS}`);
    const ratio = all.growthMb / Math.max(tenth.growthMb, 1);
    const rows: Row[] = [
      {
        figure: `peak RSS growth, export of ${all.rows} rows (MB)`,
        value: all.growthMb,
        target: `≤ ${TARGET_RATIO}× the tenth's`,
        baseline: tenth.growthMb,
        baselineLabel: `${tenth.rows} rows`,
        ratio,
        pass: ratio <= TARGET_RATIO,
      },
      {
        figure: 'export rate (rows/s)',
        value: all.rows / all.seconds,
        target: '—',
        baseline: tenth.rows / tenth.seconds,
        baselineLabel: 'the tenth',
        ratio: all.rows / all.seconds / (tenth.rows / tenth.seconds),
        pass: null,
      },
    ];
    report('export', rows, { sessions: SESSIONS, tenth, all });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
