/**
 * The store's process (started by `store.bench.ts`): ingests the pages its parent feeds it, then
 * times every query, adding 1,000 observations and a full rebuild, and reports them with the
 * file's size and this process's peak RSS, which is the store's alone (the dataset is generated
 * in the parent).
 */
import { statSync } from 'node:fs';
import { normalizeSearchText, type StoreCounts, type TouchedKeys } from '@cupid-dashboard/core';
import { createSqliteStore } from '../src/index';
import { childInput, fedPages, finish } from './feed';
import { benchQueries, percentileMs, seeded } from './queries';

/** What the parent passes: where to write and how many calls per query. */
export interface StoreInput {
  path: string;
  calls: number;
}

/** What the store's process reports. */
export interface StoreResult {
  ingestMs: number;
  observations: number;
  queries: Record<string, { p50: number; p95: number; calls: number }>;
  incremental: number[];
  refreshOnly: number[];
  rebuildMs: number;
  bytes: number;
  counts: StoreCounts;
  /** Peak RSS after ingest, and over the whole run (queries and the rebuild included). */
  ingestPeakRssMb: number;
  peakRssMb: number;
}

const { path, calls } = childInput<StoreInput>();
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
for await (const page of fedPages()) {
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
const ingestPeakRssMb = process.resourceUsage().maxRSS / 1024;

// ── queries ──
const now = lastActivity + 5 * 60_000;
const context = {
  now,
  sessionIds: sample.sessionIds,
  userIds: [...sample.userIds],
  agents: [...sample.agents],
  words: [...words, 'love', 'match', 'cupid'],
};
const queries: StoreResult['queries'] = {};
for (const query of benchQueries(context)) {
  // Collect the ingest phase's garbage first, so it is not charged to the queries.
  collectGarbage();
  const draw = seeded(7);
  for (let i = 0; i < 3; i++) await query.run(store, draw);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await query.run(store, draw);
    times.push(performance.now() - start);
  }
  queries[query.name] = { p50: percentileMs(times, 50), p95: percentileMs(times, 95), calls };
}

// ── incremental refresh vs full rebuild ──
const incremental: number[] = [];
const refreshOnly: number[] = [];
for await (const batch of fedPages()) {
  const start = performance.now();
  const { touched } = await store.upsert(batch);
  const written = performance.now();
  await store.refresh(touched as TouchedKeys);
  const end = performance.now();
  incremental.push(end - start);
  refreshOnly.push(end - written);
}
const rebuildStart = performance.now();
await store.refresh('all');
const rebuildMs = performance.now() - rebuildStart;

// ── size and memory ──
store.database.pragma('wal_checkpoint(TRUNCATE)');
const counts = await store.counts();
await store.close();
finish({
  ingestMs,
  observations,
  queries,
  incremental,
  refreshOnly,
  rebuildMs,
  bytes: statSync(path).size,
  counts,
  ingestPeakRssMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
} satisfies StoreResult);

/** Runs a full collection (the parent starts this process with `--expose-gc`). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
