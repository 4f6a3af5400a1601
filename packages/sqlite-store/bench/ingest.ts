import { type DashboardStore, normalizeSearchText } from '@cupid-dashboard/core';
import type { Page } from './batches';
import { benchQueries, percentileMs, type QueryContext, seeded } from './queries';

/** What ingesting the dataset measured, and the query parameters drawn from what it wrote. */
export interface Ingested {
  /** Time in `upsert` + `refresh(touched)` alone (generating and feeding pages excluded). */
  ingestMs: number;
  observations: number;
  /** Score versions written (late and re-evaluated ones included). */
  scores: number;
  context: QueryContext;
}

/**
 * Upserts and refreshes every page into `store`, timing only the store's calls, and samples the
 * ids, users, agents and message words the queries are later called with. Both stores'
 * benchmarks ingest through this, so their figures are of the same work.
 *
 * @param onPage called after each page with the running totals (for progress lines)
 */
export async function ingestPages(
  store: DashboardStore,
  source: Iterable<Page> | AsyncIterable<Page>,
  onPage?: (observations: number, ingestMs: number, pageObservations: number) => void,
): Promise<Ingested> {
  const sessionIds: string[] = [];
  const userIds = new Set<string>();
  const agents = new Set<string>();
  const words = new Set<string>();
  let ingestMs = 0;
  let observations = 0;
  let scores = 0;
  let lastActivity = 0;
  for await (const page of source) {
    const start = performance.now();
    const { touched } = await store.upsert(page);
    await store.refresh(touched);
    ingestMs += performance.now() - start;
    observations += page.observations.length;
    scores += page.scores.length;
    if (sessionIds.length < 2000) sessionIds.push(page.sessions[0]?.id ?? '');
    for (const o of page.observations) {
      if (o.userId !== null && userIds.size < 500) userIds.add(o.userId);
      if (o.name !== null) agents.add(o.name);
      lastActivity = Math.max(lastActivity, o.endTime ?? o.startTime);
      if (words.size < 200 && typeof o.output === 'string' && o.output.length > 12) {
        words.add(normalizeSearchText(o.output.slice(2, 9)));
      }
    }
    onPage?.(observations, ingestMs, page.observations.length);
  }
  const context: QueryContext = {
    // Status is judged just after the data's last activity, as a live dashboard would.
    now: lastActivity + 5 * 60_000,
    sessionIds,
    userIds: [...userIds],
    agents: [...agents],
    words: [...words, 'love', 'match', 'cupid'],
  };
  return { ingestMs, observations, scores, context };
}

/** One query kind's latency figures, in milliseconds. */
export interface QueryFigures {
  p50: number;
  p95: number;
  calls: number;
}

/**
 * Times every bench query `calls` times (after three warm-up calls), each kind with the same
 * seeded draw of parameters, so two stores or two runs answer the same calls.
 *
 * @param beforeEach called before each query kind (e.g. to collect the ingest's garbage)
 */
export async function timeQueries(
  store: DashboardStore,
  context: QueryContext,
  calls: number,
  beforeEach?: () => void,
): Promise<Record<string, QueryFigures>> {
  const figures: Record<string, QueryFigures> = {};
  for (const query of benchQueries(context)) {
    beforeEach?.();
    const draw = seeded(7);
    for (let i = 0; i < 3; i++) await query.run(store, draw);
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      await query.run(store, draw);
      times.push(performance.now() - start);
    }
    figures[query.name] = { p50: percentileMs(times, 50), p95: percentileMs(times, 95), calls };
  }
  return figures;
}
