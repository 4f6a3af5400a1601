/**
 * The sync benchmark's baseline: the seed's approach, which re-read every session, trace and
 * observation at page size 100 on every run. At 1M observations that walk takes longer than the
 * benchmark may, so it gets a time budget: each of the three walks stops after its share, and the
 * request count is then the exact one the totals announce (`max(1, ceil(N / 100))` per walk) and
 * the time is the sampled pages' time scaled by the records left — stated in the result.
 */
import type { LangfuseClient } from '@cupid-dashboard/core';

/** The seed's page size. */
const LIMIT = 100;

/** What the baseline measured, or extrapolated from a sample of its pages. */
export interface SeedReread {
  /** Milliseconds for the whole re-read (measured, or extrapolated when `sampled` < 1). */
  ms: number;
  /** Requests of the whole re-read (counted, or from the totals when `sampled` < 1). */
  requests: number;
  /** Share of the records actually read, 0–1. */
  sampled: number;
}

/** One legacy walk: pages of records until done or out of time. */
type Walk = (client: LangfuseClient) => AsyncGenerator<{
  data: readonly unknown[];
  meta: { totalItems: number };
}>;

const WALKS: readonly Walk[] = [
  (client) => client.paginateSessions({ limit: LIMIT }),
  (client) => client.paginateTraces({ limit: LIMIT }),
  (client) => client.paginateObservations({ limit: LIMIT }),
];

/**
 * Re-reads everything the seed's way within `budgetMs` (default: no limit), split evenly over the
 * three walks.
 *
 * @param countRequests the simulator's request count since its last reset
 */
export async function seedReread(
  client: LangfuseClient,
  countRequests: () => Promise<number>,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<SeedReread> {
  let ms = 0;
  let read = 0;
  let total = 0;
  // Requests of the walks cut short: all their pages, less those the simulator counted.
  let uncounted = 0;
  for (const walk of WALKS) {
    const part = await walkFor(walk(client), budgetMs / WALKS.length);
    read += part.read;
    total += part.total;
    ms += part.read >= part.total ? part.ms : (part.ms * part.total) / Math.max(part.read, 1);
    if (part.read < part.total) uncounted += Math.ceil(part.total / LIMIT) - part.pages;
  }
  return {
    ms,
    requests: (await countRequests()) + uncounted,
    sampled: total === 0 ? 1 : read / total,
  };
}

/** Walks pages until the last one or until the budget is spent. */
async function walkFor(
  pages: AsyncGenerator<{ data: readonly unknown[]; meta: { totalItems: number } }>,
  budgetMs: number,
): Promise<{ ms: number; read: number; total: number; pages: number }> {
  const started = performance.now();
  let read = 0;
  let total = 0;
  let count = 0;
  for await (const page of pages) {
    count++;
    read += page.data.length;
    total = page.meta.totalItems;
    if (performance.now() - started > budgetMs && read < total) break;
  }
  return { ms: performance.now() - started, read, total: Math.max(total, read), pages: count };
}
