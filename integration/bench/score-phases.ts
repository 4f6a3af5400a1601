/**
 * What the sync benchmark measures of the scores beside the observations: the requests per kind
 * (from the simulator's request log), the wall time of the sync's score phases and the store's
 * time writing score pages.
 */
import type { DashboardStore, LangfuseClient } from '@cupid-dashboard/core';

/** Whether a simulator endpoint name (e.g. `'GET /api/public/v3/scores'`) is a scores endpoint. */
export function isScoreEndpoint(endpoint: string): boolean {
  return endpoint.endsWith('/scores');
}

/** Requests per kind, from the simulator's counts by endpoint. */
export function requestsByKind(byEndpoint: Record<string, number>): {
  scores: number;
  other: number;
} {
  let scores = 0;
  let other = 0;
  for (const [endpoint, count] of Object.entries(byEndpoint)) {
    if (isScoreEndpoint(endpoint)) scores += count;
    else other += count;
  }
  return { scores, other };
}

/**
 * The wall time of the sync's score phases: a phase starts when the sync asks the client for
 * score pages (either generation) and ends when it next asks for observations or at `stop()`. A
 * sync walks a window's observations, then its scores, so the phases are the time from the
 * first score request to the end of the last score page's commit, per window.
 */
export function scorePhaseClock(client: LangfuseClient): {
  client: LangfuseClient;
  /** Closes the open phase (at the end of the run); returns the phases' total, in ms. */
  stop(): number;
} {
  let totalMs = 0;
  let openedAt: number | null = null;
  const close = () => {
    if (openedAt !== null) totalMs += performance.now() - openedAt;
    openedAt = null;
  };
  const timed = Object.create(client) as LangfuseClient;
  timed.paginateScoresV3 = (...args) => {
    openedAt ??= performance.now();
    return client.paginateScoresV3(...args);
  };
  timed.paginateScores = (...args) => {
    openedAt ??= performance.now();
    return client.paginateScores(...args);
  };
  timed.paginateObservationsV2 = (...args) => {
    close();
    return client.paginateObservationsV2(...args);
  };
  return {
    client: timed,
    stop() {
      close();
      return totalMs;
    },
  };
}

/** Time spent inside a store's upserts, in ms: all of them, and those of score pages. */
export interface StoreWriteTimes {
  allMs: number;
  scoresMs: number;
}

/**
 * `store` with its upserts timed into the returned `times`; a batch with scores and no
 * observations is a score page's.
 */
export function timeStoreWrites(store: DashboardStore): {
  store: DashboardStore;
  times: StoreWriteTimes;
} {
  const times: StoreWriteTimes = { allMs: 0, scoresMs: 0 };
  const timed = Object.create(store) as DashboardStore;
  timed.upsert = async (batch) => {
    const begin = performance.now();
    try {
      return await store.upsert(batch);
    } finally {
      const ms = performance.now() - begin;
      times.allMs += ms;
      if ((batch.scores?.length ?? 0) > 0 && (batch.observations?.length ?? 0) === 0) {
        times.scoresMs += ms;
      }
    }
  };
  return { store: timed, times };
}
