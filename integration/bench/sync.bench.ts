/**
 * `npm run bench` (sync part): a backfill of ~200k observations from the simulator on loopback.
 *
 * Figures, each beside its baseline measured in the same run:
 * - Langfuse requests of the v2 backfill (target ≤ ceil(N / 1000) + 2) beside the requests of the
 *   seed's approach (a full legacy re-read of sessions, traces and observations at page size
 *   100, actually run against the simulator, which counts both);
 * - wall time of the backfill beside the time to merely download the same v2 pages (target ≤ 2×);
 * - a steady-state run with no new data: requests and milliseconds;
 * - peak RSS growth of this process during the backfill beside the size of the fetched data as
 *   JSON (the simulator runs in its own process): a sync that held the backfill whole would need
 *   more than that;
 * - the time spent inside the store's upserts, to show where the backfill's time goes.
 *
 * `BENCH_SESSIONS` (default 4100 ≈ 200k observations), `BENCH_STORE=memory|sqlite`,
 * `BENCH_SEED_MS` (the seed baseline's time budget, default 120000; past it the baseline's
 * requests come from the totals and its time is extrapolated, as its label says).
 */
import {
  createLangfuseClient,
  createSyncService,
  type LangfuseClient,
  SYNC_V2_FIELDS,
} from '@cupid-dashboard/core';
import { seedReread } from './seed-reread';
import { openBenchStore } from './stores';
import { type Row, report, sampleRss, startSimulator } from './support';

type Counts = { total: number; byEndpoint: Record<string, number> };
const MB = 1024 * 1024;

const sessions = Number(process.env.BENCH_SESSIONS ?? 4_100);
/** Time budget of the seed baseline's re-read (ms; default 120 s), beyond which it is extrapolated. */
const seedBudgetMs = Number(process.env.BENCH_SEED_MS ?? 120_000);
console.log(`Generating ${sessions} sessions in the simulator process...`);
const sim = await startSimulator(sessions);
const N = sim.observations;
console.log(`Simulator at ${sim.url} with ${N} observations`);
const newClient = (): LangfuseClient =>
  createLangfuseClient({ publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: sim.url });

/** Walks every v2 page the sync reads and discards it: the physical limit of a backfill. */
async function download(): Promise<{ ms: number; requests: number; bytes: number }> {
  await sim.call('reset');
  const client = newClient();
  const started = performance.now();
  let bytes = 0;
  for await (const page of client.paginateObservationsV2({
    limit: 1000,
    fields: SYNC_V2_FIELDS,
    toStartTime: new Date(),
  })) {
    bytes += JSON.stringify(page.data).length;
  }
  const ms = performance.now() - started;
  return { ms, requests: (await sim.call<Counts>('counts')).total, bytes };
}

try {
  const firstDownload = await download();
  const { kind, store, close } = await openBenchStore();
  console.log(`Store: ${kind}`);
  global.gc?.();
  await sim.call('reset');
  // Time spent inside the store's writes, to show where the backfill's time goes.
  let storeWriteMs = 0;
  const timedStore = Object.create(store) as typeof store;
  timedStore.upsert = async (batch) => {
    const begin = performance.now();
    try {
      return await store.upsert(batch);
    } finally {
      storeWriteMs += performance.now() - begin;
    }
  };
  const sync = createSyncService({ client: newClient(), store: timedStore, apiMode: 'v2' });
  const rssBefore = process.memoryUsage.rss();
  const rss = sampleRss();
  let started = performance.now();
  const backfill = await sync.sync();
  const backfillMs = performance.now() - started;
  const peakRss = rss.stop();
  const backfillRequests = (await sim.call<Counts>('counts')).total;
  if (backfill.status !== 'success')
    throw new Error(`backfill ended ${backfill.status}: ${backfill.error?.message}`);
  const truth = await sim.call<{ counts: Record<string, number> }>('truth');
  const stored = (await store.counts()).records;
  const equal = JSON.stringify(stored) === JSON.stringify(truth.counts);
  console.log(`Backfill: ${backfill.verification?.summary}; equal to the truth's counts: ${equal}`);

  await sim.call('reset');
  started = performance.now();
  const steady = await sync.sync();
  const steadyMs = performance.now() - started;
  const steadyRequests = (await sim.call<Counts>('counts')).total;
  await close();

  const secondDownload = await download();
  const downloadMs = Math.min(firstDownload.ms, secondDownload.ms);
  await sim.call('reset');
  const seed = await seedReread(
    newClient(),
    async () => (await sim.call<Counts>('counts')).total,
    seedBudgetMs,
  );
  const seedLabel =
    seed.sampled >= 1
      ? 'seed: full re-read at limit 100'
      : `seed: re-read at limit 100, ${(seed.sampled * 100).toFixed(1)}% of the records read in ${Math.round(seedBudgetMs / 1000)} s, the rest's time extrapolated`;

  const maxRequests = Math.ceil(N / 1000) + 2;
  const rssGrowthMb = (peakRss - rssBefore) / MB;
  const dataMb = firstDownload.bytes / MB;
  const rows: Row[] = [
    {
      figure: 'v2 backfill: Langfuse requests',
      value: backfillRequests,
      target: `≤ ${maxRequests} (ceil(N/1000)+2)`,
      baseline: seed.requests,
      baselineLabel: seedLabel,
      ratio: backfillRequests / seed.requests,
      pass: backfillRequests <= maxRequests,
    },
    {
      figure: 'v2 backfill: wall time (ms)',
      value: Math.round(backfillMs),
      target: `≤ ${Math.round(2 * downloadMs)} (2× download)`,
      baseline: Math.round(downloadMs),
      baselineLabel: 'download of the same pages',
      ratio: backfillMs / downloadMs,
      pass: backfillMs <= 2 * downloadMs,
    },
    {
      figure: `v2 backfill: time inside ${kind} store upserts (ms)`,
      value: Math.round(storeWriteMs),
      target: '— (reported: where the time goes)',
      baseline: Math.round(backfillMs),
      baselineLabel: 'backfill wall time',
      ratio: storeWriteMs / backfillMs,
      pass: null,
    },
    {
      figure: 'steady-state run: Langfuse requests',
      value: steadyRequests,
      target: '≤ 1 (one page of the lookback window)',
      baseline: seed.requests,
      baselineLabel: 'seed: every run re-reads everything',
      ratio: steadyRequests / seed.requests,
      pass: steadyRequests <= 1,
    },
    {
      figure: 'steady-state run: wall time (ms)',
      value: Math.round(steadyMs),
      target: '— (reported)',
      baseline: Math.round(seed.ms),
      baselineLabel: 'seed re-read time',
      ratio: steadyMs / seed.ms,
      pass: null,
    },
    {
      figure: `peak RSS growth during backfill (MB, ${kind} store)`,
      value: Math.round(rssGrowthMb),
      target: `< ${Math.round(dataMb)} (the data as JSON: holding it whole needs more)`,
      baseline: Math.round(dataMb),
      baselineLabel: 'size of the fetched data as JSON',
      ratio: rssGrowthMb / dataMb,
      pass: rssGrowthMb < dataMb,
    },
  ];
  console.log('');
  report('sync', rows, {
    observations: N,
    store: kind,
    backfill: {
      status: backfill.status,
      counts: backfill.counts,
      verification: backfill.verification,
      equalToTruthCounts: equal,
    },
    steady: { status: steady.status, window: steady.window },
    storeWriteMs: Math.round(storeWriteMs),
    peakRssMb: Math.round(peakRss / MB),
    rssBeforeMb: Math.round(rssBefore / MB),
    downloads: [firstDownload, secondDownload],
    seed,
    node: process.version,
  });
} finally {
  sim.kill();
}
