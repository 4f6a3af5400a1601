import type { ObservationRecord, ScoreRecord, TraceRecord } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import type { LangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';

/** Options of {@link createLiveFeed}. */
export interface LiveFeedOptions {
  /** Seconds between two new players. Default 5. */
  everySeconds?: number;
  /** Seed of the first new session; each next one adds 1. Default 1_000_000. */
  seed?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** A running feed of new game sessions into a simulator. */
export interface LiveFeed {
  /** Sessions started so far. */
  readonly started: number;
  stop(): void;
}

/**
 * Makes the simulator look like a live Langfuse project: every `everySeconds` a new player starts
 * a game, and each trace or observation is published only once its time has come (an observation
 * once it has ended, a score — an evaluation, the player's feedback — at its timestamp), so
 * sessions show up as active, grow chapter by chapter, complete and get scored over the
 * following minutes, as they would in production.
 *
 * @example
 * const feed = createLiveFeed(sim, { everySeconds: 5 });
 * process.once('SIGINT', () => feed.stop());
 */
export function createLiveFeed(sim: LangfuseSimulator, options: LiveFeedOptions = {}): LiveFeed {
  const everyMs = (options.everySeconds ?? 5) * 1000;
  const now = options.now ?? Date.now;
  let seed = options.seed ?? 1_000_000;
  let started = 0;
  let pendingTraces: TraceRecord[] = [];
  let pendingObservations: ObservationRecord[] = [];
  let pendingScores: ScoreRecord[] = [];

  const startSession = () => {
    // A window of one second ending now: the session starts now and plays out in real time.
    const dataset = generateCupidDataset({
      seed: seed++,
      sessions: 1,
      days: 1 / 86_400,
      end: now(),
    });
    pendingTraces.push(...dataset.traces);
    pendingObservations.push(...dataset.observations);
    pendingScores.push(...dataset.scores);
    started += 1;
  };

  const release = () => {
    const at = now();
    const traces = pendingTraces.filter((trace) => trace.timestamp <= at);
    const observations = pendingObservations.filter((o) => (o.endTime ?? o.startTime) <= at);
    const scores = pendingScores.filter((score) => score.timestamp <= at);
    if (traces.length === 0 && observations.length === 0 && scores.length === 0) return;
    pendingTraces = pendingTraces.filter((trace) => trace.timestamp > at);
    pendingObservations = pendingObservations.filter((o) => (o.endTime ?? o.startTime) > at);
    pendingScores = pendingScores.filter((score) => score.timestamp > at);
    sim.publish({ traces, observations, scores });
  };

  startSession();
  const sessionTimer = setInterval(startSession, everyMs);
  const releaseTimer = setInterval(release, 1000);
  return {
    get started() {
      return started;
    },
    stop() {
      clearInterval(sessionTimer);
      clearInterval(releaseTimer);
    },
  };
}
