import type { EpochMs } from '../../domain/records';

/**
 * Options of {@link generateCupidDataset} and {@link streamCupidDataset}. Every option has a
 * fixed default, so a dataset never depends on the wall clock.
 */
export interface CupidDatasetOptions {
  /** Any finite number; equal options give deep-equal datasets. Default `1`. */
  seed?: number;
  /** Number of sessions (play-throughs), an integer from 1 to 100,000. Default `100`. */
  sessions?: number;
  /** Length of the window sessions start in, in days (> 0, at most 3,650). Default `30`. */
  days?: number;
  /**
   * End of the window (exclusive), as an ISO-8601 string or epoch milliseconds.
   * Default `'2026-11-15T00:00:00.000Z'`.
   */
  end?: string | EpochMs;
  /**
   * Size of the user pool, an integer ≥ 1. Every user plays at least once (so at most as many
   * users as named sessions are used); the rest of the sessions favour a few regulars.
   * Default `max(1, round(sessions / 3))`.
   */
  users?: number;
  /**
   * Share of sessions (0–1) that stop before chapter 6. Like the other session shares it is
   * exact: `round(rate × sessions)` sessions. Default `0.3`.
   */
  abandonRate?: number;
  /** Share of sessions (0–1) with at least one `ERROR` observation. Default `0.08`. */
  errorRate?: number;
  /** Share of sessions (0–1) played without a `userId`. Default `0.05`. */
  anonymousRate?: number;
  /**
   * Share of observations (0–1) whose end, usage and cost arrive in a later version, or `false`
   * for none; `true` means `0.05`. Default `false`.
   */
  lateUpdates?: boolean | number;
  /** Share of generations (0–1) that report `input_cached_tokens`. Default `0.3`. */
  cachedTokensRate?: number;
  /** Langfuse environment of every record. Default `'default'`. */
  environment?: string;
  /**
   * Generate scores (an evaluator's `helpfulness`, the players' `user-feedback`, an annotator's
   * `tone`; some late, some overwritten; see `generateCupidDataset`). Default `true`.
   */
  scores?: boolean;
}

/** {@link CupidDatasetOptions} with every default applied and every value checked. */
export interface ResolvedDatasetOptions {
  seed: number;
  sessions: number;
  days: number;
  from: EpochMs;
  to: EpochMs;
  users: number;
  abandonRate: number;
  errorRate: number;
  anonymousRate: number;
  /** The share of late observations; 0 when none. */
  lateUpdates: number;
  cachedTokensRate: number;
  environment: string;
  scores: boolean;
}

/** The largest `sessions` value accepted (larger datasets belong in a stream of streams). */
export const MAX_DATASET_SESSIONS = 100_000;

const DAY_MS = 86_400_000;
const DEFAULT_END = '2026-11-15T00:00:00.000Z';

/**
 * A dataset option outside its valid range. `option` names the option; `code` is stable.
 *
 * @example
 * try { generateCupidDataset({ sessions: 0 }); }
 * catch (error) { if (error instanceof DatasetOptionError) console.log(error.option); } // 'sessions'
 */
export class DatasetOptionError extends RangeError {
  readonly code = 'DATASET_INVALID_OPTION';
  constructor(
    readonly option: keyof CupidDatasetOptions,
    expected: string,
    value: unknown,
  ) {
    super(`Invalid dataset option "${option}": expected ${expected}, got ${String(value)}`);
    this.name = 'DatasetOptionError';
  }
}

function share(name: keyof CupidDatasetOptions, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new DatasetOptionError(name, 'a number from 0 to 1', value);
  }
  return value;
}

function integer(name: keyof CupidDatasetOptions, value: unknown, min: number, max: number) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DatasetOptionError(name, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/**
 * Applies defaults and validates; throws {@link DatasetOptionError} (a `RangeError`) naming the
 * first bad option.
 *
 * @example
 * resolveDatasetOptions({ sessions: 10 }).users; // 3
 */
export function resolveDatasetOptions(options: CupidDatasetOptions = {}): ResolvedDatasetOptions {
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new DatasetOptionError('seed', 'a finite number', seed);
  }
  const sessions = integer('sessions', options.sessions ?? 100, 1, MAX_DATASET_SESSIONS);
  const days = options.days ?? 30;
  if (typeof days !== 'number' || !(days > 0 && days <= 3650)) {
    throw new DatasetOptionError('days', 'a number of days above 0 and at most 3650', days);
  }
  const endInput = options.end ?? DEFAULT_END;
  const to = typeof endInput === 'string' ? Date.parse(endInput) : endInput;
  if (typeof to !== 'number' || !Number.isFinite(to)) {
    throw new DatasetOptionError('end', 'an ISO-8601 date or epoch milliseconds', endInput);
  }
  const users = integer(
    'users',
    options.users ?? Math.max(1, Math.round(sessions / 3)),
    1,
    Number.MAX_SAFE_INTEGER,
  );
  const late = options.lateUpdates ?? false;
  const lateUpdates = late === false ? 0 : late === true ? 0.05 : share('lateUpdates', late, 0);
  const environment = options.environment ?? 'default';
  if (typeof environment !== 'string' || environment.length === 0) {
    throw new DatasetOptionError('environment', 'a non-empty string', environment);
  }
  return {
    seed,
    sessions,
    days,
    from: Math.round(to - days * DAY_MS),
    to: Math.round(to),
    users,
    abandonRate: share('abandonRate', options.abandonRate, 0.3),
    errorRate: share('errorRate', options.errorRate, 0.08),
    anonymousRate: share('anonymousRate', options.anonymousRate, 0.05),
    lateUpdates,
    cachedTokensRate: share('cachedTokensRate', options.cachedTokensRate, 0.3),
    environment,
    scores: options.scores ?? true,
  };
}
