import {
  type BucketSize,
  type DashboardStore,
  SESSION_SORT_KEYS,
  SESSION_STATUSES,
  type TimeRange,
} from '@cupid-dashboard/core';
import { SCORE_NAMES } from '@cupid-dashboard/core/testing';

/** What the queries draw their parameters from. */
export interface QueryContext {
  /** The clock the queries judge status at: just after the data's last activity. */
  now: number;
  sessionIds: string[];
  userIds: string[];
  agents: string[];
  /** Words and phrases of three or more characters found in messages. */
  words: string[];
}

/** One analytics query kind, called with a different draw of parameters each time. */
export interface BenchQuery {
  name: string;
  run: (store: DashboardStore, draw: () => number) => Promise<unknown>;
}

const DAY = 86_400_000;

function pick<T>(items: readonly T[], draw: () => number): T {
  return items[Math.floor(draw() * items.length)] as T;
}

/** Named ranges, previous periods and unaligned windows, like the dashboard asks for. */
function range(now: number, draw: () => number): TimeRange | undefined {
  const kind = Math.floor(draw() * 6);
  if (kind === 0) return undefined;
  if (kind === 1) return { from: now - DAY };
  if (kind === 2) return { from: now - 7 * DAY };
  if (kind === 3) return { from: now - 30 * DAY };
  if (kind === 4) return { from: now - 14 * DAY, to: now - 7 * DAY };
  const from = now - Math.floor(draw() * 30 * DAY);
  return { from, to: from + Math.floor(draw() * 10 * DAY) + 60_000 };
}

/**
 * A series' bucket and range: hours over the last one to seven days with chance `hourShare`, else
 * days over any {@link range}, like the dashboard's charts ask for.
 */
function series(
  now: number,
  draw: () => number,
  hourShare: number,
): { bucket: BucketSize; range: TimeRange | undefined } {
  const bucket: BucketSize = draw() < hourShare ? 'hour' : 'day';
  return {
    bucket,
    range: bucket === 'hour' ? { from: now - Math.floor(1 + draw() * 7) * DAY } : range(now, draw),
  };
}

/**
 * The session filters by score the sessions page offers: a numeric mean's low or high band, a
 * thumbs-down, a category.
 */
const SCORE_FILTERS = [
  { name: SCORE_NAMES.helpfulness, max: 0.4 },
  { name: SCORE_NAMES.helpfulness, min: 0.8 },
  { name: SCORE_NAMES.feedback, value: 'False' },
  { name: SCORE_NAMES.tone, value: 'awkward' },
] as const;

/**
 * The score queries: `/api/scores` (`listScores`), `/api/scores/{name}` (`getScore`) for the
 * generated numeric, boolean and categorical names, and the sessions filtered by a score.
 */
function scoreQueries(now: number): BenchQuery[] {
  const detail = (kind: string, name: string): BenchQuery => ({
    name: `getScore (${kind}: ${name})`,
    run: (s, d) => s.getScore({ name, ...series(now, d, 0.3) }),
  });
  return [
    { name: 'listScores', run: (s, d) => s.listScores({ range: range(now, d) }) },
    detail('numeric', SCORE_NAMES.helpfulness),
    detail('boolean', SCORE_NAMES.feedback),
    detail('categorical', SCORE_NAMES.tone),
    {
      name: 'listSessions (score filter)',
      run: (s, d) =>
        s.listSessions({ score: pick(SCORE_FILTERS, d), range: range(now, d), limit: 50, now }),
    },
  ];
}

/** Every analytics query of the store interface, with varied parameters. */
export function benchQueries(context: QueryContext): BenchQuery[] {
  const { now } = context;
  return [
    {
      name: 'listSessions (default sort, pages 1-20)',
      run: (s, d) => s.listSessions({ page: 1 + Math.floor(d() * 20), limit: 50, now }),
    },
    {
      name: 'listSessions (any sort/order/status)',
      run: (s, d) =>
        s.listSessions({
          sort: pick(SESSION_SORT_KEYS, d),
          order: d() < 0.5 ? 'asc' : 'desc',
          status: d() < 0.3 ? 'all' : pick(SESSION_STATUSES, d),
          range: range(now, d),
          page: 1 + Math.floor(d() * 5),
          limit: 50,
          now,
        }),
    },
    {
      name: 'listSessions (search ≥3 chars)',
      run: (s, d) => {
        const kind = d();
        const search =
          kind < 0.5
            ? pick(context.words, d)
            : kind < 0.75
              ? pick(context.sessionIds, d).slice(0, 8)
              : pick(context.userIds, d);
        return s.listSessions({ search, limit: 50, now });
      },
    },
    {
      name: 'listSessions (search 1-2 chars)',
      run: (s, d) => s.listSessions({ search: pick(['%', 'é', 'zq', '_', 'xy', '!'], d), now }),
    },
    {
      // Pairs nearly every session holds: the text is scanned rather than looked up by session.
      name: 'listSessions (search common pair)',
      run: (s, d) => s.listSessions({ search: pick(['lo', 'th', 'in', 'an'], d), now }),
    },
    { name: 'getSession', run: (s, d) => s.getSession({ id: pick(context.sessionIds, d), now }) },
    {
      name: 'getSessionStats',
      run: (s, d) => s.getSessionStats({ range: range(now, d), now }),
    },
    {
      name: 'getConversation',
      run: (s, d) => s.getConversation({ sessionId: pick(context.sessionIds, d) }),
    },
    { name: 'listAgents', run: (s, d) => s.listAgents({ range: range(now, d) }) },
    {
      name: 'getAgent',
      run: (s, d) => s.getAgent({ name: pick(context.agents, d), range: range(now, d) }),
    },
    {
      name: 'getAgentTimeSeries',
      run: (s, d) => {
        const window = series(now, d, 0.5);
        return s.getAgentTimeSeries({ name: pick(context.agents, d), ...window });
      },
    },
    {
      name: 'getDashboard',
      run: (s, d) => s.getDashboard({ ...series(now, d, 0.3), now }),
    },
    { name: 'getModelUsage', run: (s, d) => s.getModelUsage({ range: range(now, d) }) },
    ...scoreQueries(now),
    { name: 'counts', run: (s) => s.counts() },
  ];
}

/** A small seeded generator (mulberry32), so every run asks the same questions. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Nearest-rank percentile of durations. */
export function percentileMs(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p * sorted.length) / 100))) - 1] ?? 0
  );
}
