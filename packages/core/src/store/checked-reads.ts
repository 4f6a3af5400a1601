import type { EpochMs } from '../domain/records';
import type { ResolvedPage } from '../semantics/pagination';
import type { AgentDetail, AgentSummary, AgentTimeSeriesPoint, ModelUsage } from './agents';
import { checkBounded } from './bounds';
import type { Page, SortOrder, TimeRange } from './common';
import type { Conversation } from './conversation';
import type { DashboardMetrics } from './dashboard';
import {
  checkAgentTimeSeriesParams,
  checkDashboardParams,
  checkOneOf,
  checkPage,
  checkRange,
  checkScan,
  type ResolvedAgentTimeSeriesParams,
  type ResolvedDashboardParams,
} from './query-checks';
import { checkScoreDetailParams, type ResolvedScoreDetailParams } from './score-checks';
import type { ScoreDetail, ScoreSummary } from './scores';
import type { SessionBatch, SessionCursor } from './session-scan';
import { checkSessionScoreFilter, type SessionScoreFilter } from './session-score-filter';
import {
  checkSessionScoresParams,
  compareSessionScores,
  type SessionScore,
} from './session-scores';
import {
  SESSION_SORT_KEYS,
  SESSION_STATUSES,
  type SessionListParams,
  type SessionRow,
  type SessionSortKey,
  type SessionStats,
  type SessionStatusFilter,
} from './sessions';
import type { DashboardReads } from './store';
import type { SyncState } from './sync-state';

/** The filters and order of a session list or scan, checked, with every default applied. */
export interface ResolvedSessionQuery {
  range: TimeRange | undefined;
  status: SessionStatusFilter;
  sort: SessionSortKey;
  order: SortOrder;
  userId: string | undefined;
  /** As given: each store normalizes it with `normalizeSearchQuery`. */
  search: string | undefined;
  /** Checked by `checkSessionScoreFilter`. */
  score: SessionScoreFilter | undefined;
  /** The time status is judged at, epoch ms. */
  now: EpochMs;
}

/** A checked agent query (`getAgent`). */
export interface ResolvedAgentQuery {
  name: string;
  range: TimeRange | undefined;
  recentErrorsLimit: number;
}

/**
 * A store's queries as it implements them: every parameter already checked and defaulted by
 * {@link checkedReads}, so no store re-states a default or a bound.
 */
export interface CheckedQueries {
  getSyncState(): Promise<SyncState>;
  listSessions(query: ResolvedSessionQuery, page: ResolvedPage): Promise<Page<SessionRow>>;
  scanSessions(
    query: ResolvedSessionQuery,
    scan: { limit: number; after: SessionCursor | undefined },
  ): Promise<SessionBatch>;
  getSession(id: string, now: EpochMs): Promise<SessionRow | null>;
  getSessionStats(range: TimeRange | undefined, now: EpochMs): Promise<SessionStats>;
  getConversation(sessionId: string): Promise<Conversation | null>;
  listAgents(range: TimeRange | undefined): Promise<AgentSummary[]>;
  getAgent(query: ResolvedAgentQuery): Promise<AgentDetail | null>;
  getAgentTimeSeries(query: ResolvedAgentTimeSeriesParams): Promise<AgentTimeSeriesPoint[] | null>;
  getModelUsage(range: TimeRange | undefined): Promise<ModelUsage[]>;
  getDashboard(query: ResolvedDashboardParams): Promise<DashboardMetrics>;
  listScores(range: TimeRange | undefined): Promise<ScoreSummary[]>;
  getScore(query: ResolvedScoreDetailParams): Promise<ScoreDetail | null>;
  /** Answers in any order: `checkedReads` sorts by `compareSessionScores`. */
  listSessionScores(sessionIds: readonly string[]): Promise<SessionScore[]>;
}

/**
 * Checks a session list's or scan's filters and sort and applies their defaults (status `'all'`,
 * sort `'startedAt'`, order `'desc'`, `now` from the clock).
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for a bad range bound, status, sort or order
 * @example
 * checkSessionQuery({ sort: 'cost' }, Date.now).order; // 'desc'
 */
export function checkSessionQuery(
  params: Omit<SessionListParams, 'page' | 'limit'>,
  clock: () => EpochMs,
): ResolvedSessionQuery {
  return {
    range: checkRange(params.range),
    status: checkOneOf<SessionStatusFilter>(
      'status',
      params.status,
      ['all', ...SESSION_STATUSES],
      'all',
    ),
    sort: checkOneOf('sort', params.sort, SESSION_SORT_KEYS, 'startedAt'),
    order: checkOneOf<SortOrder>('order', params.order, ['asc', 'desc'], 'desc'),
    userId: params.userId,
    search: params.search,
    score: checkSessionScoreFilter(params.score),
    now: params.now ?? clock(),
  };
}

/**
 * The `DashboardReads` of a store from its {@link CheckedQueries}: each call's parameters are
 * checked and defaulted here (rejecting with `STORE_INVALID_QUERY`) before the store's query runs.
 *
 * @example
 * const reads = checkedReads({ listSessions: (query, page) => run((db) => listSessions(db, query, page)), … }, clock);
 */
export function checkedReads(queries: CheckedQueries, clock: () => EpochMs): DashboardReads {
  return {
    getSyncState: () => queries.getSyncState(),
    listSessions: async (params = {}) =>
      queries.listSessions(checkSessionQuery(params, clock), checkPage(params)),
    scanSessions: async (params = {}) =>
      queries.scanSessions(checkSessionQuery(params, clock), checkScan(params)),
    getSession: async ({ id, now }) => queries.getSession(id, now ?? clock()),
    getSessionStats: async (params = {}) =>
      queries.getSessionStats(checkRange(params.range), params.now ?? clock()),
    getConversation: async ({ sessionId }) => queries.getConversation(sessionId),
    listAgents: async (params = {}) => queries.listAgents(checkRange(params.range)),
    getAgent: async (params) =>
      queries.getAgent({
        name: params.name,
        range: checkRange(params.range),
        recentErrorsLimit: checkBounded('recentErrorsLimit', params.recentErrorsLimit),
      }),
    getAgentTimeSeries: async (params) =>
      queries.getAgentTimeSeries(checkAgentTimeSeriesParams(params)),
    getModelUsage: async (params = {}) => queries.getModelUsage(checkRange(params.range)),
    getDashboard: async (params = {}) => queries.getDashboard(checkDashboardParams(params, clock)),
    listScores: async (params = {}) => queries.listScores(checkRange(params.range)),
    getScore: async (params) => queries.getScore(checkScoreDetailParams(params)),
    listSessionScores: async (params) => {
      const scores = await queries.listSessionScores(checkSessionScoresParams(params));
      return scores.sort(compareSessionScores);
    },
  };
}
