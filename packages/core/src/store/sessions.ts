import type { EpochMs } from '../domain/records';
import type { SortOrder, TimeRange, TokenCounts } from './common';
import type { SessionScoreFilter } from './session-score-filter';

/**
 * A session's status at time `now`, decided in this order (see `sessionStatus`):
 * 1. `completed` — it reached `preset.completedAtChapter` (or a later chapter);
 * 2. `error` — otherwise, when any of its observations has level `ERROR`;
 * 3. `active` — otherwise, when `now - lastActivityAt < preset.inactivityTimeoutMs`;
 * 4. `abandoned` — otherwise.
 */
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Every session status, e.g. for a zod enum of the `status` query parameter. */
export const SESSION_STATUSES = ['completed', 'active', 'abandoned', 'error'] as const;

/** Status filter of the session list; `'all'` (the default) does not filter. */
export type SessionStatusFilter = SessionStatus | 'all';

/** The keys the session list sorts by. Ties are always broken by `id` ascending. */
export type SessionSortKey = (typeof SESSION_SORT_KEYS)[number];

/** Every session sort key, e.g. for a zod enum of the `sort` query parameter. */
export const SESSION_SORT_KEYS = [
  'startedAt',
  'lastActivityAt',
  'durationMs',
  'traceCount',
  'generationCount',
  'chapterReached',
  'cost',
  'totalTokens',
  'errorCount',
  'userId',
  'id',
] as const;

/**
 * One session as the list and detail show it.
 *
 * A session is known when a session record has its id or a trace or observation links to it
 * (an observation's session is `sessionId ?? its trace's sessionId`). Over the records linked to
 * it: `startedAt` is the earliest of the record's `createdAt`, trace timestamps and observation
 * start times; `lastActivityAt` the latest of those and observation end times.
 */
export interface SessionRow {
  id: string;
  /**
   * The userId of its earliest trace (by timestamp, then id) that has one; else of its earliest
   * observation (by start time, then id) that has one; else null.
   */
  userId: string | null;
  startedAt: EpochMs;
  lastActivityAt: EpochMs;
  /** `lastActivityAt - startedAt`, milliseconds. */
  durationMs: number;
  /** Distinct trace ids: trace records of the session plus traceIds of its observations. */
  traceCount: number;
  /** Observations of type `GENERATION`. */
  generationCount: number;
  observationCount: number;
  /** Highest chapter of any of its observations (see `observationChapter`), null if none. */
  chapterReached: number | null;
  /** `preset.chapterNames[chapterReached]`, null when absent. */
  chapterName: string | null;
  status: SessionStatus;
  /** USD, sum of `observationCost` of its observations. */
  cost: number;
  tokens: TokenCounts;
  /** Observations with level `ERROR`. */
  errorCount: number;
}

/**
 * Session list query. Sessions are in range when `startedAt` is in `[range.from, range.to)`.
 *
 * `search` matches, case-insensitively after Unicode NFKC normalization (`normalizeSearchText`),
 * when it is a substring of the session id, the user id or the content of any conversation
 * message; a blank search matches everything. Text is literal: `%`, `_`, `'` and `*` have no
 * special meaning.
 *
 * @example
 * await store.listSessions({ range: { from: now - 7 * 86_400_000 }, status: 'abandoned',
 *   sort: 'cost', order: 'desc', page: 2, limit: 20, now });
 */
export interface SessionListParams {
  range?: TimeRange;
  /** Default `'all'`. */
  status?: SessionStatusFilter;
  search?: string;
  /** Exact user id. */
  userId?: string;
  /** Sessions with a score of a name, optionally by their mean or a value of it. */
  score?: SessionScoreFilter;
  /** Default `'startedAt'`. */
  sort?: SessionSortKey;
  /** Default `'desc'`. Null values (userId, chapterReached) sort below every value. */
  order?: SortOrder;
  /** 1-based, default 1. */
  page?: number;
  /** 1–200, default 50. */
  limit?: number;
  /** The time status is judged at, epoch ms. Default: the store's clock. */
  now?: EpochMs;
}

/** Sessions reaching one chapter: those whose `chapterReached` is this chapter or later. */
export interface ChapterFunnelStep {
  chapter: number;
  /** From `preset.chapterNames`. */
  name: string;
  sessions: number;
  /** `sessions / total sessions in scope`, 0 when there are none. */
  rate: number;
}

/** Session statistics query: the sessions whose `startedAt` is in `range`. */
export interface SessionStatsParams {
  range?: TimeRange;
  /** Default: the store's clock. */
  now?: EpochMs;
}

/** Aggregates over the sessions in scope. */
export interface SessionStats {
  total: number;
  byStatus: Record<SessionStatus, number>;
  /** `byStatus.completed / total`, 0 when total is 0. */
  completionRate: number;
  /** Mean `durationMs`, null when total is 0. */
  avgDurationMs: number | null;
  /** Nearest-rank median of `durationMs` (the lower middle for an even count), exact. */
  medianDurationMs: number | null;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
  /** Distinct non-null user ids. */
  uniqueUsers: number;
  /** One step per chapter of `preset.chapterNames`, in chapter order. */
  funnel: ChapterFunnelStep[];
}
