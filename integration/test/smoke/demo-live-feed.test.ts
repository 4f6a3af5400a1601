import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveFeed } from '../../../examples/demo/src/live-feed';

// The demo's live feed on a fake clock: each record reaches the simulator once its time has come.
const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 12) });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('demo live feed', () => {
  it('publishes traces, observations and scores no earlier than their time', () => {
    const sim = createLangfuseSimulator();
    const feed = createLiveFeed(sim, { everySeconds: 3600, seed: 7 });
    const seen = { traces: 0, observations: 0, scores: 0 };
    try {
      for (let step = 0; step < 48; step++) {
        vi.advanceTimersByTime(HOUR / 6);
        const truth = sim.truth();
        const now = Date.now();
        expect(truth.traces.every((trace) => trace.timestamp <= now)).toBe(true);
        expect(truth.observations.every((o) => (o.endTime ?? o.startTime) <= now)).toBe(true);
        expect(truth.scores.every((score) => score.timestamp <= now)).toBe(true);
        expect(truth.scores.length).toBeGreaterThanOrEqual(seen.scores);
        seen.traces = truth.traces.length;
        seen.observations = truth.observations.length;
        seen.scores = truth.scores.length;
      }
    } finally {
      feed.stop();
    }
    expect(feed.started).toBe(9);
    expect(seen.traces).toBeGreaterThan(0);
    expect(seen.observations).toBeGreaterThan(0);
    expect(seen.scores).toBeGreaterThan(0);
  });
});
