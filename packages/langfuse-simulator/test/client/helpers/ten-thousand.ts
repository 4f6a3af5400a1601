import { type CupidDataset, generateCupidDataset } from '@cupid-dashboard/core/testing';

/** Observations in {@link tenThousandObservations}. */
export const OBSERVATIONS = 10_000;

let cached: CupidDataset | undefined;

/**
 * A generated Cupid dataset cut to exactly 10,000 observations (the earliest by start time of
 * 220 sessions' 10,815), with the traces they belong to (2,291) and those traces' sessions (202).
 * Built once per test file; every scenario gets its own simulator over it.
 *
 * @example
 * const sim = createLangfuseSimulator({ dataset: tenThousandObservations() });
 * sim.truth().counts.observations; // 10000
 */
export function tenThousandObservations(): CupidDataset {
  if (!cached) {
    const full = generateCupidDataset({ seed: 7, sessions: 220 });
    const observations = full.observations.slice(0, OBSERVATIONS);
    const traceIds = new Set(observations.map((o) => o.traceId));
    const traces = full.traces.filter((t) => traceIds.has(t.id));
    const sessionIds = new Set(traces.map((t) => t.sessionId));
    const sessions = full.sessions.filter((s) => sessionIds.has(s.id));
    cached = { ...full, observations, traces, sessions, lateUpdates: [] };
  }
  return cached;
}
