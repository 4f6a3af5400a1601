import type { EpochMs } from '../../domain/records';
import type { ResolvedDatasetOptions } from './options';
import { mixSeed, Prng } from './prng';

/** What is decided about every session before any of them is built. */
export interface SessionPlan {
  /** Position in start order, 0-based; also seeds the session's own random source. */
  index: number;
  startTime: EpochMs;
  /** Null for anonymous sessions. */
  userId: string | null;
  abandoned: boolean;
  hasErrors: boolean;
}

/** The whole dataset's plan: O(sessions) numbers, so even 100k sessions stay small. */
export interface DatasetPlan {
  /** User ids that own at least one session, in pool order. */
  users: string[];
  sessionCount: number;
  session(index: number): SessionPlan;
}

/** Relative share of sessions starting in each UTC hour: quiet nights, busy evenings. */
const HOUR_WEIGHTS = [
  3, 2, 1.5, 1, 1, 1, 1.5, 2.5, 3.5, 4, 4, 4.5, 5, 5, 4.5, 4.5, 5, 6, 7.5, 9, 10, 9.5, 7.5, 5,
];
const MAX_HOUR_WEIGHT = Math.max(...HOUR_WEIGHTS);

function sampleStart(random: Prng, from: EpochMs, to: EpochMs): EpochMs {
  // Rejection sampling keeps every start inside [from, to) whatever the window's alignment.
  for (let attempt = 0; attempt < 64; attempt++) {
    const t = from + Math.floor(random.next() * (to - from));
    const hour = Math.floor((t % 86_400_000) / 3_600_000);
    if (random.next() * MAX_HOUR_WEIGHT < (HOUR_WEIGHTS[hour] as number)) return t;
  }
  return from + Math.floor(random.next() * (to - from));
}

/** Marks exactly `round(rate * n)` of `n` slots, chosen uniformly (partial Fisher–Yates). */
function pickShare(random: Prng, n: number, rate: number): Uint8Array {
  const marked = new Uint8Array(n);
  const count = Math.round(rate * n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (n - i));
    const chosen = order[j] as number;
    order[j] = order[i] as number;
    marked[chosen] = 1;
  }
  return marked;
}

/**
 * Draws start times, users and outcomes for every session. Shares are exact (`round(rate * n)`
 * sessions), so small datasets still show the asked-for mix.
 */
export function planDataset(options: ResolvedDatasetOptions): DatasetPlan {
  const random = new Prng(mixSeed(options.seed, 0x706c616e));
  const n = options.sessions;
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = sampleStart(random, options.from, options.to);
  starts.sort();
  const anonymous = pickShare(random, n, options.anonymousRate);
  const abandoned = pickShare(random, n, options.abandonRate);
  const errors = pickShare(random, n, options.errorRate);

  const poolIds = new Set<string>();
  const named = n - Math.round(options.anonymousRate * n);
  const poolSize = Math.min(options.users, Math.max(named, 1));
  while (poolIds.size < poolSize) poolIds.add(`user_${random.hex(6)}`);
  const pool = [...poolIds];

  // The first `poolSize` named sessions (in a random order) give every user one session; the
  // rest go to a few regulars more often than to the others, as real players do.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const userOf = new Int32Array(n).fill(-1);
  let assigned = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    if (anonymous[i]) continue;
    const r = random.next();
    userOf[i] = assigned < poolSize ? assigned : Math.floor(poolSize * r * r);
    assigned++;
  }
  const users = assigned >= poolSize ? pool : pool.slice(0, assigned);

  return {
    users,
    sessionCount: n,
    session(index) {
      const user = userOf[index] as number;
      return {
        index,
        startTime: starts[index] as number,
        userId: user < 0 ? null : (pool[user] as string),
        abandoned: abandoned[index] === 1,
        hasErrors: errors[index] === 1,
      };
    },
  };
}
