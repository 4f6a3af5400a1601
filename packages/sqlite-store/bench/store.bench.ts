/**
 * The SQLite store benchmark: ingest beside a raw better-sqlite3 baseline, analytics query
 * latencies (the score queries included), incremental refresh beside a full rebuild, file size and
 * peak RSS, on the generated Cupid dataset with its scores (20,000 sessions ≈ 970k observations and
 * 134k scores by default).
 *
 * Run: `npm run bench -w @cupid-dashboard/sqlite-store` (`BENCH_SESSIONS=1000` for a quick run).
 * The dataset is generated in this process and fed page by page to two child processes, one for
 * the raw baseline and one for the store, so each one's peak RSS is its own.
 * Writes `<repo>/bench-results/sqlite-store.json` and prints a table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { additions, pages } from './batches';
import { runFed } from './feed';
import { percentileMs } from './queries';
import type { RawResult } from './raw-process';
import { ingestFigures, printTable, queryRows, type Row, writeResults } from './report';
import type { StoreResult } from './store-process';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const SEED = 42;
const work = mkdtempSync(join(tmpdir(), 'sqlite-store-bench-'));

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dataset = { sessions: SESSIONS, seed: SEED };
  console.log(`sqlite-store bench: ${SESSIONS} sessions, ${CALLS} calls per query`);

  // ── raw baseline, in a process of its own ──
  const raw = await runFed<RawResult>(
    new URL('./raw-process.ts', import.meta.url),
    [pages(dataset)],
    {
      path: join(work, 'raw.db'),
    },
  );
  console.log(`raw insert: ${raw.observations} observations in ${raw.ms.toFixed(0)} ms`);

  // ── the store, in a process of its own ──
  const path = join(work, 'store.db');
  const result = await runFed<StoreResult>(
    new URL('./store-process.ts', import.meta.url),
    [pages(dataset), additions()],
    { path, calls: CALLS },
  );
  const { observations, scores, ingestMs } = result;
  console.log(
    `store ingest: ${observations} observations and ${scores} scores in ${ingestMs.toFixed(0)} ms`,
  );
  const ingest = ingestFigures({ ms: ingestMs, observations }, raw, 0.6);
  rows.push(ingest.row, ...queryRows(result.queries));

  const incrementalMs = percentileMs(result.incremental, 50);
  const refreshOnlyMs = percentileMs(result.refreshOnly, 50);
  rows.push({
    figure: 'add 1,000 obs: upsert + refresh (ms, median of 5)',
    value: incrementalMs,
    target: '≤ 100 ms',
    baseline: result.rebuildMs,
    baselineLabel: 'full rebuild',
    ratio: incrementalMs / result.rebuildMs,
    pass: incrementalMs <= 100,
  });
  rows.push({
    figure: '  of which refresh(touched) (ms)',
    value: refreshOnlyMs,
    target: '≤ 100 ms',
    pass: refreshOnlyMs <= 100,
  });

  // ── size and memory ──
  const { bytes, counts } = result;
  const perMillion = (bytes / counts.records.observations) * 1_000_000;
  const rawPerMillion = (raw.bytes / raw.observations) * 1_000_000;
  rows.push({
    figure: 'file size per 1M observations (MB)',
    value: perMillion / 1e6,
    target: '≤ 1.25× raw',
    baseline: rawPerMillion / 1e6,
    baselineLabel: 'raw tables',
    ratio: perMillion / rawPerMillion,
    pass: perMillion / rawPerMillion <= 1.25,
  });
  rows.push({
    figure: 'peak RSS of the store process (MB)',
    value: result.peakRssMb,
    target: '≤ 400 MB',
    baseline: raw.peakRssMb,
    baselineLabel: 'raw insert process',
    pass: result.peakRssMb <= 400,
  });
  rows.push({
    figure: '  of which during ingest (MB)',
    value: result.ingestPeakRssMb,
    target: '≤ 400 MB',
    pass: result.ingestPeakRssMb <= 400,
  });
  rows.push({
    figure: '  of which before the full rebuild (MB)',
    value: result.beforeRebuildPeakRssMb,
    target: '≤ 400 MB',
    pass: result.beforeRebuildPeakRssMb <= 400,
  });

  printTable(rows);
  const results = {
    when: new Date().toISOString(),
    sessions: SESSIONS,
    observations,
    scores,
    callsPerQuery: CALLS,
    ingest: ingest.figures,
    queries: result.queries,
    incrementalRefreshMs: {
      upsertAndRefreshMedian: incrementalMs,
      refreshOnlyMedian: refreshOnlyMs,
      all: result.incremental,
      target: 100,
    },
    fullRebuildMs: result.rebuildMs,
    fileBytes: bytes,
    fileMbPerMillionObservations: perMillion / 1e6,
    rawFileBytes: raw.bytes,
    peakRssMb: result.peakRssMb,
    ingestPeakRssMb: result.ingestPeakRssMb,
    beforeRebuildPeakRssMb: result.beforeRebuildPeakRssMb,
    rawPeakRssMb: raw.peakRssMb,
    counts,
    rows,
  };
  writeResults('sqlite-store', results);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
