/**
 * The SQLite store benchmark: ingest beside a raw better-sqlite3 baseline, analytics query
 * latencies, incremental refresh beside a full rebuild, file size and peak RSS, on the generated
 * Cupid dataset (20,000 sessions ≈ 1M observations by default).
 *
 * Run: `npm run bench -w @cupid-dashboard/sqlite-store` (`BENCH_SESSIONS=1000` for a quick run).
 * Writes `<repo>/bench-results/sqlite-store.json` and prints a table.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeSearchText, type TouchedKeys } from '@cupid-dashboard/core';
import { createSqliteStore } from '../src/index';
import { pages } from './batches';
import { benchQueries, percentileMs, seeded } from './queries';
import { rawInsert } from './raw-baseline';
import { printTable, type Row } from './report';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const SEED = 42;
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const work = mkdtempSync(join(tmpdir(), 'sqlite-store-bench-'));

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dataset = { sessions: SESSIONS, seed: SEED };
  console.log(`sqlite-store bench: ${SESSIONS} sessions, ${CALLS} calls per query`);

  // ── raw baseline ──
  const raw = rawInsert(join(work, 'raw.db'), pages(dataset));
  const rawRate = raw.observations / (raw.ms / 1000);
  console.log(`raw insert: ${raw.observations} observations in ${raw.ms.toFixed(0)} ms`);

  // ── store ingest ──
  const path = join(work, 'store.db');
  const store = await createSqliteStore({ path });
  const sample = {
    sessionIds: [] as string[],
    userIds: new Set<string>(),
    agents: new Set<string>(),
  };
  const words = new Set<string>();
  let ingestMs = 0;
  let observations = 0;
  let lastActivity = 0;
  for (const page of pages(dataset)) {
    const start = performance.now();
    const { touched } = await store.upsert(page);
    await store.refresh(touched);
    ingestMs += performance.now() - start;
    observations += page.observations.length;
    if (sample.sessionIds.length < 2000) sample.sessionIds.push(page.sessions[0]?.id ?? '');
    for (const o of page.observations) {
      if (o.userId !== null && sample.userIds.size < 500) sample.userIds.add(o.userId);
      if (o.name !== null) sample.agents.add(o.name);
      lastActivity = Math.max(lastActivity, o.endTime ?? o.startTime);
      if (words.size < 200 && typeof o.output === 'string' && o.output.length > 12) {
        words.add(normalizeSearchText(o.output.slice(2, 9)));
      }
    }
  }
  const ingestRate = observations / (ingestMs / 1000);
  console.log(`store ingest: ${observations} observations in ${ingestMs.toFixed(0)} ms`);
  rows.push({
    figure: 'ingest, rollups included (obs/s)',
    value: ingestRate,
    target: '≥ 0.6× raw',
    baseline: rawRate,
    ratio: ingestRate / rawRate,
    pass: ingestRate / rawRate >= 0.6,
  });

  // ── queries ──
  const now = lastActivity + 5 * 60_000;
  const context = {
    now,
    sessionIds: sample.sessionIds,
    userIds: [...sample.userIds],
    agents: [...sample.agents],
    words: [...words, 'love', 'match', 'cupid'],
  };
  const queryFigures: Record<string, { p50: number; p95: number; calls: number }> = {};
  for (const query of benchQueries(context)) {
    // Collect the ingest phase's garbage first, so it is not charged to the queries.
    collectGarbage();
    const draw = seeded(7);
    for (let i = 0; i < 3; i++) await query.run(store, draw);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await query.run(store, draw);
      times.push(performance.now() - start);
    }
    const p50 = percentileMs(times, 50);
    const p95 = percentileMs(times, 95);
    queryFigures[query.name] = { p50, p95, calls: CALLS };
    rows.push({
      figure: `${query.name} p50 / p95 (ms)`,
      value: p95,
      display: `${p50.toFixed(2)} / ${p95.toFixed(2)}`,
      target: 'p95 ≤ 25 ms',
      pass: p95 <= 25,
    });
  }

  // ── incremental refresh vs full rebuild ──
  const incremental: number[] = [];
  const refreshOnly: number[] = [];
  for (let round = 0; round < 5; round++) {
    const extra = pages({ sessions: 21, seed: 9000 + round }, 1000).next().value;
    if (!extra) break;
    const batch = { ...extra, observations: extra.observations.slice(0, 1000) };
    const start = performance.now();
    const { touched } = await store.upsert(batch);
    const written = performance.now();
    await store.refresh(touched as TouchedKeys);
    const end = performance.now();
    incremental.push(end - start);
    refreshOnly.push(end - written);
  }
  const incrementalMs = percentileMs(incremental, 50);
  const refreshOnlyMs = percentileMs(refreshOnly, 50);
  const rebuildStart = performance.now();
  await store.refresh('all');
  const rebuildMs = performance.now() - rebuildStart;
  rows.push({
    figure: 'add 1,000 obs: upsert + refresh (ms, median of 5)',
    value: incrementalMs,
    target: '≤ 100 ms',
    baseline: rebuildMs,
    baselineLabel: 'full rebuild',
    ratio: incrementalMs / rebuildMs,
    pass: incrementalMs <= 100,
  });
  rows.push({
    figure: '  of which refresh(touched) (ms)',
    value: refreshOnlyMs,
    target: '≤ 100 ms',
    pass: refreshOnlyMs <= 100,
  });

  // ── size and memory ──
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  const counts = await store.counts();
  await store.close();
  const bytes = statSync(path).size;
  const perMillion = (bytes / counts.records.observations) * 1_000_000;
  const rawBytes = statSync(join(work, 'raw.db')).size;
  rows.push({
    figure: 'file size per 1M observations (MB)',
    value: perMillion / 1e6,
    target: 'report',
    baseline: ((rawBytes / raw.observations) * 1_000_000) / 1e6,
    baselineLabel: 'raw tables',
    pass: true,
  });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push({ figure: 'peak RSS (MB)', value: peakRssMb, target: 'report', pass: true });

  printTable(rows);
  const results = {
    when: new Date().toISOString(),
    sessions: SESSIONS,
    observations,
    callsPerQuery: CALLS,
    ingest: {
      storeMs: ingestMs,
      storeObservationsPerSecond: ingestRate,
      rawMs: raw.ms,
      rawObservationsPerSecond: rawRate,
      ratio: ingestRate / rawRate,
      target: 0.6,
    },
    queries: queryFigures,
    incrementalRefreshMs: {
      upsertAndRefreshMedian: incrementalMs,
      refreshOnlyMedian: refreshOnlyMs,
      all: incremental,
      target: 100,
    },
    fullRebuildMs: rebuildMs,
    fileBytes: bytes,
    fileMbPerMillionObservations: perMillion / 1e6,
    rawFileBytes: rawBytes,
    peakRssMb,
    counts,
    rows,
  };
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'bench-results', 'sqlite-store.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(`results written to bench-results/sqlite-store.json`);
}

/** Runs a full collection when the bench runs with `--expose-gc` (the package script does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
