import type {
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '@cupid-dashboard/core';
import type { CupidDataset } from '@cupid-dashboard/core/testing';
import type { FaultSpec } from './faults/types';

/** Records to serve: a generated {@link CupidDataset} or hand-made record arrays. */
export type SimulatorDataset =
  | CupidDataset
  | {
      sessions?: SessionRecord[];
      traces?: TraceRecord[];
      observations?: ObservationRecord[];
      /** Later versions of observations, applied by `applyLateUpdates()`. */
      lateUpdates?: ObservationRecord[];
      scores?: ScoreRecord[];
      /** Scores that arrive later (new ones and overwritten versions), applied by `applyLateUpdates()`. */
      lateScores?: ScoreRecord[];
    };

/**
 * Cloud-like fixed one-minute windows, one bucket per endpoint family. A bucket left out is not
 * limited (self-hosted Langfuse has no limits at all).
 */
export interface RateLimitOptions {
  /** General bucket (v2 observations, v3 scores), requests per minute. */
  requestsPerMinute?: number;
  /** Legacy read bucket (sessions, traces, v1 observations, v2 scores), requests per minute. */
  legacyRequestsPerMinute?: number;
}

/**
 * Options of {@link createLangfuseSimulator}. Every option has a default.
 *
 * @example
 * const options: SimulatorOptions = {
 *   dataset: generateCupidDataset({ seed: 1, sessions: 20 }),
 *   generations: { legacy: false }, // a Langfuse Cloud (v4) deployment
 *   rateLimit: { requestsPerMinute: 30, legacyRequestsPerMinute: 15 },
 * };
 */
export interface SimulatorOptions {
  /** The records served. Default: empty. */
  dataset?: SimulatorDataset;
  /**
   * Which API generations are served; the other answers 404 as Langfuse does.
   * Default `{ legacy: true, v2: true }` (a self-hosted v4 in dual-write mode).
   */
  generations?: { legacy?: boolean; v2?: boolean };
  /** Basic-auth user. Default `'pk-lf-simulator'`. */
  publicKey?: string;
  /** Basic-auth password. Default `'sk-lf-simulator'`. */
  secretKey?: string;
  /** The project the keys belong to. Default `'simulator-project'`. */
  projectId?: string;
  /** Default `'Cupid (simulator)'`. */
  projectName?: string;
  /** Origin the msw handlers match. Default `'https://langfuse.simulator.test'`. */
  baseUrl?: string;
  /** Version string of the health endpoint. Default `'4.0.0'`, or `'3.0.0'` without v2. */
  version?: string;
  /** Clock in epoch milliseconds, for rate-limit windows and the request log. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms` milliseconds (latency and slow faults); injectable so tests need no real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Default: no limits. */
  rateLimit?: RateLimitOptions;
  /** Faults active from the start; see {@link FaultSpec}. Default none. */
  faults?: FaultSpec[];
  /** Delay added to every response, in milliseconds. Default 0. */
  latencyMs?: number;
}

/** {@link SimulatorOptions} with every default filled in. */
export interface ResolvedOptions {
  legacy: boolean;
  v2: boolean;
  publicKey: string;
  secretKey: string;
  projectId: string;
  projectName: string;
  baseUrl: string;
  version: string;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  rateLimit: RateLimitOptions;
  latencyMs: number;
}

/** Resolves after `ms`, or rejects with the signal's reason when the caller gives up first. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Fills in the defaults documented on {@link SimulatorOptions}. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const v2 = options.generations?.v2 ?? true;
  return {
    legacy: options.generations?.legacy ?? true,
    v2,
    publicKey: options.publicKey ?? 'pk-lf-simulator',
    secretKey: options.secretKey ?? 'sk-lf-simulator',
    projectId: options.projectId ?? 'simulator-project',
    projectName: options.projectName ?? 'Cupid (simulator)',
    baseUrl: (options.baseUrl ?? 'https://langfuse.simulator.test').replace(/\/+$/, ''),
    version: options.version ?? (v2 ? '4.0.0' : '3.0.0'),
    now: options.now ?? Date.now,
    sleep: options.sleep ?? defaultSleep,
    rateLimit: options.rateLimit ?? {},
    latencyMs: options.latencyMs ?? 0,
  };
}
