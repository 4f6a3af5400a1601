import type { EpochMs } from '../../domain/records';
import type { DashboardPreset } from '../../presets/types';
import { totalPages } from '../../semantics/pagination';
import { compareSessionPositions } from '../../semantics/session-order';
import { inTimeRange } from '../../semantics/time-range';
import { checkBounded } from '../../store/bounds';
import {
  checkAgentTimeSeriesParams,
  checkDashboardParams,
  checkOneOf,
  checkPage,
  checkRange,
  checkScan,
} from '../../store/query-checks';
import { sessionCursorOf } from '../../store/session-scan';
import {
  SESSION_SORT_KEYS,
  SESSION_STATUSES,
  type SessionListParams,
  type SessionRow,
} from '../../store/sessions';
import type { DashboardReads } from '../../store/store';
import type { SyncState } from '../../store/sync-state';
import {
  agentDetail,
  agentTimeSeries,
  factsInRange,
  listAgents,
  modelUsage,
} from './agent-queries';
import { dashboardMetrics } from './dashboard-queries';
import { type DerivedData, sessionConversation } from './derive';
import {
  sessionMatches,
  sessionRow,
  sessionStats,
  sessionsInRange,
  sortSessions,
} from './session-queries';

/** Where the memory store's queries read from: the live state, or one captured for a snapshot. */
export interface MemoryReadSource {
  data(): DerivedData;
  syncState(): SyncState;
}

/** Runs a query body, rejecting once the store is closed. */
export type MemoryRunner = <T>(body: () => T) => Promise<T>;

/**
 * The memory store's queries over `source`, each computed straight from the derived data by the
 * functions in `semantics`.
 */
export function memoryReads(
  source: MemoryReadSource,
  preset: DashboardPreset,
  clock: () => EpochMs,
  use: MemoryRunner,
): DashboardReads {
  const { data } = source;
  /** The sessions a list or scan query matches, in its order. */
  const matchingSessions = (params: SessionListParams): SessionRow[] => {
    const range = checkRange(params.range);
    const now = params.now ?? clock();
    const status = checkOneOf('status', params.status, [...SESSION_STATUSES, 'all'], 'all');
    const sort = checkOneOf('sort', params.sort, SESSION_SORT_KEYS, 'startedAt');
    const order = checkOneOf('order', params.order, ['asc', 'desc'], 'desc');
    const search = params.search ?? '';
    const rows = [...data().sessions.values()]
      .filter((aggregate) => params.userId === undefined || aggregate.userId === params.userId)
      .filter((aggregate) => sessionMatches(aggregate, preset, search))
      .map((aggregate) => sessionRow(aggregate, preset, now))
      .filter((row) => status === 'all' || row.status === status)
      .filter((row) => inTimeRange(row.startedAt, range));
    return sortSessions(rows, sort, order);
  };

  return {
    getSyncState: () => use(() => source.syncState()),

    listSessions: (params = {}) =>
      use(() => {
        const page = checkPage(params);
        const rows = matchingSessions(params);
        return {
          items: rows.slice(page.offset, page.offset + page.limit),
          page: page.page,
          limit: page.limit,
          total: rows.length,
          totalPages: totalPages(rows.length, page.limit),
        };
      }),

    scanSessions: (params = {}) =>
      use(() => {
        const { limit, after } = checkScan(params);
        const rows = matchingSessions(params);
        const sort = params.sort ?? 'startedAt';
        const order = params.order ?? 'desc';
        const start =
          after === undefined
            ? 0
            : rows.findIndex(
                (row) => compareSessionPositions(sessionCursorOf(row, sort), after, order) > 0,
              );
        const items = start < 0 ? [] : rows.slice(start, start + limit);
        const last = items.at(-1);
        const more = start >= 0 && start + limit < rows.length;
        return { items, next: more && last ? sessionCursorOf(last, sort) : null };
      }),

    getSession: ({ id, now }) =>
      use(() => {
        const aggregate = data().sessions.get(id);
        return aggregate ? sessionRow(aggregate, preset, now ?? clock()) : null;
      }),

    getSessionStats: (params = {}) =>
      use(() =>
        sessionStats(
          sessionsInRange(data(), preset, checkRange(params.range), params.now ?? clock()),
          preset,
        ),
      ),

    getConversation: ({ sessionId }) =>
      use(() => {
        const aggregate = data().sessions.get(sessionId);
        if (!aggregate) return null;
        return { sessionId, messages: structuredClone(sessionConversation(aggregate, preset)) };
      }),

    listAgents: (params = {}) => use(() => listAgents(data(), preset, checkRange(params.range))),

    getAgent: (params) =>
      use(() => {
        const limit = checkBounded('recentErrorsLimit', params.recentErrorsLimit);
        return agentDetail(data(), preset, params.name, checkRange(params.range), limit);
      }),

    getAgentTimeSeries: (params) =>
      use(() => {
        const query = checkAgentTimeSeriesParams(params);
        return agentTimeSeries(data(), query.name, query.range, query.bucket, query.timeZone);
      }),

    getModelUsage: (params = {}) =>
      use(() => modelUsage(factsInRange(data(), checkRange(params.range)))),

    getDashboard: (params = {}) =>
      use(() => dashboardMetrics(data(), preset, checkDashboardParams(params, clock))),
  };
}
