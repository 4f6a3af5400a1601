/**
 * The PostgreSQL store at scale, run by hand (not in CI): streams the generated dataset
 * (`BENCH_SESSIONS`, default 200,000 sessions ≈ 10M observations) into the store page by page,
 * printing the ingest rate every 500,000 observations, stops early after `BENCH_MINUTES` (default
 * unbounded), then measures `getDashboard` and `listSessions` p95 and the table and index sizes of
 * what got in. Nothing is held in memory but the current page.
 *
 * Run: `BENCH_SESSIONS=200000 npm run bench:stream -w @cupid-dashboard/postgres-store`.
 * Writes `<repo>/bench-results/postgres-store-stream.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_DATASET_SESSIONS } from '@cupid-dashboard/core/testing';
import { sql } from 'kysely';
import { type Page, pages } from '../../sqlite-store/bench/batches';
import { benchQueries, percentileMs, seeded } from '../../sqlite-store/bench/queries';
import { createPostgresStore } from '../src/index';
import { startTestPostgres } from '../test/support/embedded-postgres';
import { openAdmin } from './admin';
import { relationSizes } from './sizes';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200_000);
const MINUTES = Number(process.env.BENCH_MINUTES ?? Number.POSITIVE_INFINITY);
const CALLS = Number(process.env.BENCH_CALLS ?? 50);
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The pages of `sessions` generated sessions, in parts of at most the generator's
 * `MAX_DATASET_SESSIONS` (seeds 42, 43, …, over the same 30 days): session ids are random UUIDs,
 * so the parts never share a session.
 */
function* datasetPages(sessions: number): Generator<Page> {
  for (let part = 0, left = sessions; left > 0; part++, left -= MAX_DATASET_SESSIONS) {
    yield* pages({ sessions: Math.min(left, MAX_DATASET_SESSIONS), seed: 42 + part });
  }
}

async function main(): Promise<void> {
  const server = await startTestPostgres();
  const admin = openAdmin(server.url);
  try {
    const store = await createPostgresStore({ connectionString: server.url }, { schema: 'cupid' });
    const started = performance.now();
    let ingestMs = 0;
    let observations = 0;
    let lastActivity = 0;
    let stopped = false;
    const progress: { observations: number; seconds: number; ratePerSecond: number }[] = [];
    for (const page of datasetPages(SESSIONS)) {
      const start = performance.now();
      await store.upsert(page);
      ingestMs += performance.now() - start;
      observations += page.observations.length;
      for (const o of page.observations)
        lastActivity = Math.max(lastActivity, o.endTime ?? o.startTime);
      if (observations % 500_000 < page.observations.length) {
        const point = {
          observations,
          seconds: ingestMs / 1000,
          ratePerSecond: observations / (ingestMs / 1000),
        };
        progress.push(point);
        console.log(
          `  ${observations} observations, ${point.seconds.toFixed(0)} s, ${point.ratePerSecond.toFixed(0)} obs/s`,
        );
      }
      if ((performance.now() - started) / 60_000 > MINUTES) {
        stopped = true;
        break;
      }
    }
    await sql`analyze`.execute(admin.db);
    const now = lastActivity + 5 * 60_000;
    const sessions = await store.listSessions({ limit: 200, now });
    const context = {
      now,
      sessionIds: sessions.items.map((s) => s.id),
      userIds: [],
      agents: [],
      words: [],
    };
    const queries: Record<string, { p50: number; p95: number }> = {};
    for (const query of benchQueries(context)) {
      if (
        !query.name.startsWith('getDashboard') &&
        !query.name.startsWith('listSessions (default') &&
        !query.name.startsWith('listSessions (any')
      )
        continue;
      const draw = seeded(7);
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const start = performance.now();
        await query.run(store, draw);
        times.push(performance.now() - start);
      }
      queries[query.name] = { p50: percentileMs(times, 50), p95: percentileMs(times, 95) };
      console.log(
        `${query.name}: p50 ${queries[query.name]?.p50.toFixed(1)} ms, p95 ${queries[query.name]?.p95.toFixed(1)} ms`,
      );
    }
    const sizes = await relationSizes(admin.db, 'cupid');
    const bytes = sizes.reduce((sum, size) => sum + size.tableBytes + size.indexBytes, 0);
    console.log(
      `tables + indexes: ${(bytes / 1e6).toFixed(0)} MB for ${observations} observations`,
    );
    await store.close();
    const results = {
      when: new Date().toISOString(),
      sessionsPlanned: SESSIONS,
      observations,
      stoppedEarly: stopped,
      ingestMs,
      ingestObservationsPerSecond: observations / (ingestMs / 1000),
      progress,
      queries,
      bytes,
      sizes,
    };
    const out = join(resolve(here, '../../..'), 'bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'postgres-store-stream.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('results written to bench-results/postgres-store-stream.json');
  } finally {
    await admin.close();
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
