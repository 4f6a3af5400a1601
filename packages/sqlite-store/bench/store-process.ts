/**
 * The store's process (started by `store.bench.ts`): ingests the pages its parent feeds it, then
 * times every query, adding 1,000 observations and a full rebuild, and reports them with the
 * file's size and this process's peak RSS, which is the store's alone (the dataset is generated
 * in the parent).
 */
import { statSync } from 'node:fs';
import type { StoreCounts, TouchedKeys } from '@cupid-dashboard/core';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import { childInput, fedPages, finish } from './feed';
import { ingestPages, type QueryFigures, timeQueries } from './ingest';

/** What the parent passes: where to write and how many calls per query. */
export interface StoreInput {
  path: string;
  calls: number;
}

/** What the store's process reports. */
export interface StoreResult {
  ingestMs: number;
  observations: number;
  scores: number;
  queries: Record<string, QueryFigures>;
  incremental: number[];
  refreshOnly: number[];
  rebuildMs: number;
  bytes: number;
  counts: StoreCounts;
  /**
   * Peak RSS after ingest, before the full rebuild (ingest, queries and additions), and over the
   * whole run (the rebuild included).
   */
  ingestPeakRssMb: number;
  beforeRebuildPeakRssMb: number;
  peakRssMb: number;
}

const { path, calls } = childInput<StoreInput>();
const store = await createSqliteStore({ path });
const { ingestMs, observations, scores, context } = await ingestPages(store, fedPages());
const ingestPeakRssMb = process.resourceUsage().maxRSS / 1024;

// ── queries ──
// Collect the ingest phase's garbage before each kind, so it is not charged to the queries.
const queries = await timeQueries(store, context, calls, collectGarbage);

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
const beforeRebuildPeakRssMb = process.resourceUsage().maxRSS / 1024;
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
  scores,
  queries,
  incremental,
  refreshOnly,
  rebuildMs,
  bytes: statSync(path).size,
  counts,
  ingestPeakRssMb,
  beforeRebuildPeakRssMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
} satisfies StoreResult);

/** Runs a full collection (the parent starts this process with `--expose-gc`). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
