/**
 * `npm run bench` (sync part): a backfill of ~200k observations from the simulator on loopback.
 *
 * Figures, each beside its baseline measured in the same run:
 * - observation requests of the v2 backfill (target ≤ ceil(N / 1000) + 2) beside the requests of
 *   the seed's approach (a full legacy re-read of sessions, traces and observations at page size
 *   100, actually run against the simulator, which counts both);
 * - score requests of the backfill (target ≤ ceil(S / 100) + 1 for S scores: v3 pages of 100)
 *   beside all its requests, their share; the wall time of the score phases beside the
 *   backfill's, and the store's time writing score pages beside its time writing all pages;
 * - wall time of the backfill beside the time to merely download the same pages, v2 observations
 *   and v3 scores (target ≤ 2×);
 * - a steady-state run with no new data: requests (of which scores) and milliseconds;
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
import { requestsByKind, scorePhaseClock, timeStoreWrites } from './score-phases';
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
const S = sim.scores;
console.log(`Simulator at ${sim.url} with ${N} observations and ${S} scores`);
const newClient = (): LangfuseClient =>
  createLangfuseClient({ publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: sim.url });

/**
 * Walks every page the sync reads, v2 observations then v3 scores, and discards it: the physical
 * limit of a backfill.
 */
async function download(): Promise<{
  ms: number;
  scoresMs: number;
  requests: number;
  scoreRequests: number;
  bytes: number;
}> {
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
  const scoresStarted = performance.now();
  for await (const page of client.paginateScoresV3({
    limit: 100,
    // The field groups the sync asks for.
    fields: ['details', 'subject'],
    toTimestamp: new Date(),
  })) {
    bytes += JSON.stringify(page.data).length;
  }
  const ended = performance.now();
  const counts = await sim.call<Counts>('counts');
  return {
    ms: ended - started,
    scoresMs: ended - scoresStarted,
    requests: counts.total,
    scoreRequests: requestsByKind(counts.byEndpoint).scores,
    bytes,
  };
}

try {
  const firstDownload = await download();
  const { kind, store, close } = await openBenchStore();
  console.log(`Store: ${kind}`);
  global.gc?.();
  await sim.call('reset');
  // Time spent inside the store's writes, to show where the backfill's time goes.
  const writes = timeStoreWrites(store);
  const scorePhases = scorePhaseClock(newClient());
  const sync = createSyncService({
    client: scorePhases.client,
    store: writes.store,
    apiMode: 'v2',
  });
  const rssBefore = process.memoryUsage.rss();
  const rss = sampleRss();
  let started = performance.now();
  const backfill = await sync.sync();
  const backfillMs = performance.now() - started;
  const scorePhaseMs = scorePhases.stop();
  const storeWriteMs = writes.times.allMs;
  const scoreWriteMs = writes.times.scoresMs;
  const peakRss = rss.stop();
  const backfillCounts = await sim.call<Counts>('counts');
  const backfillRequests = backfillCounts.total;
  const backfillByKind = requestsByKind(backfillCounts.byEndpoint);
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
  const steadyCounts = await sim.call<Counts>('counts');
  const steadyRequests = steadyCounts.total;
  const steadyScoreRequests = requestsByKind(steadyCounts.byEndpoint).scores;
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
  const maxScoreRequests = Math.ceil(S / 100) + 1;
  const rssGrowthMb = (peakRss - rssBefore) / MB;
  const dataMb = firstDownload.bytes / MB;
  const rows: Row[] = [
    {
      figure: 'v2 backfill: observation requests',
      value: backfillByKind.other,
      target: `≤ ${maxRequests} (ceil(N/1000)+2)`,
      baseline: seed.requests,
      baselineLabel: seedLabel,
      ratio: backfillByKind.other / seed.requests,
      pass: backfillByKind.other <= maxRequests,
    },
    {
      figure: 'v2 backfill: score requests (ratio: share)',
      value: backfillByKind.scores,
      target: `≤ ${maxScoreRequests} (ceil(S/100)+1)`,
      baseline: backfillRequests,
      baselineLabel: 'all requests of the backfill',
      ratio: backfillByKind.scores / backfillRequests,
      pass: backfillByKind.scores <= maxScoreRequests,
    },
    {
      figure: 'v2 backfill: wall time of the score phases (ms)',
      value: Math.round(scorePhaseMs),
      target: '— (reported: the scores’ share)',
      baseline: Math.round(backfillMs),
      baselineLabel: 'backfill wall time',
      ratio: scorePhaseMs / backfillMs,
      pass: null,
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
      figure: `  of which score pages (ms)`,
      value: Math.round(scoreWriteMs),
      target: '— (reported)',
      baseline: Math.round(storeWriteMs),
      baselineLabel: 'all store upserts',
      ratio: storeWriteMs > 0 ? scoreWriteMs / storeWriteMs : null,
      pass: null,
    },
    {
      figure: 'steady-state run: Langfuse requests',
      value: steadyRequests,
      target: '≤ 2 (one page of the lookback window, and one of its scores)',
      baseline: seed.requests,
      baselineLabel: 'seed: every run re-reads everything',
      ratio: steadyRequests / seed.requests,
      pass: steadyRequests <= 2,
    },
    {
      figure: '  of which score requests',
      value: steadyScoreRequests,
      target: '≤ 1',
      baseline: null,
      baselineLabel: '',
      ratio: null,
      pass: steadyScoreRequests <= 1,
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
    scores: S,
    store: kind,
    backfill: {
      status: backfill.status,
      counts: backfill.counts,
      verification: backfill.verification,
      equalToTruthCounts: equal,
    },
    steady: { status: steady.status, window: steady.window },
    requests: {
      backfill: {
        ...backfillByKind,
        total: backfillRequests,
        byEndpoint: backfillCounts.byEndpoint,
      },
      steady: { total: steadyRequests, scores: steadyScoreRequests },
    },
    scorePhaseMs: Math.round(scorePhaseMs),
    storeWriteMs: Math.round(storeWriteMs),
    scoreWriteMs: Math.round(scoreWriteMs),
    peakRssMb: Math.round(peakRss / MB),
    rssBeforeMb: Math.round(rssBefore / MB),
    downloads: [firstDownload, secondDownload],
    seed,
    node: process.version,
  });
} finally {
  sim.kill();
}
