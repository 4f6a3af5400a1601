import type { AgentProfile } from './agents';
import type { Prng } from './prng';

/** Share of generations that hit the slow tail (20–60 s), as real providers sometimes do. */
const SLOW_TAIL_SHARE = 0.03;

/**
 * A latency in ms for one run of `profile`: log-normal around the agent's median, with a long
 * tail for generations. Events take 0 ms.
 *
 * @example
 * sampleLatencyMs(new Prng(1), AGENT_PROFILES.Mortal); // e.g. 1432
 */
export function sampleLatencyMs(random: Prng, profile: AgentProfile): number {
  if (profile.type === 'EVENT') return 0;
  if (profile.type === 'GENERATION') {
    if (random.chance(SLOW_TAIL_SHARE)) return random.int(20_000, 60_000);
    return Math.round(
      Math.min(20_000, Math.max(150, random.logNormal(profile.latencyMs, profile.latencySigma))),
    );
  }
  return Math.round(
    Math.min(2_000, Math.max(2, random.logNormal(profile.latencyMs, profile.latencySigma))),
  );
}

/** Time the player thinks between two turns, in ms: mostly 5–60 s, never near the 30-minute timeout. */
export function sampleThinkTimeMs(random: Prng): number {
  return Math.round(Math.min(600_000, Math.max(3_000, random.logNormal(20_000, 0.9))));
}
