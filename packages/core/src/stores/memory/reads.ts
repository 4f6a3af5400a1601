import type { EpochMs } from '../../domain/records';
import type { DashboardPreset } from '../../presets/types';
import { totalPages } from '../../semantics/pagination';
import { compareSessionPositions } from '../../semantics/session-order';
import { inTimeRange } from '../../semantics/time-range';
import { checkedReads, type ResolvedSessionQuery } from '../../store/checked-reads';
import { sessionCursorOf } from '../../store/session-scan';
import type { SessionRow } from '../../store/sessions';
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
import { listScores, scoreDetail } from './score-queries';
import {
  sessionMatches,
  sessionRow,
  sessionStats,
  sessionsInRange,
  sortSessions,
} from './session-queries';
import { sessionScores, sessionsPassingScoreFilter } from './session-score-queries';

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
  const matchingSessions = (query: ResolvedSessionQuery): SessionRow[] => {
    const search = query.search ?? '';
    const scored = query.score && sessionsPassingScoreFilter(data(), query.score);
    const rows = [...data().sessions.values()]
      .filter((aggregate) => query.userId === undefined || aggregate.userId === query.userId)
      .filter((aggregate) => scored === undefined || scored.has(aggregate.id))
      .filter((aggregate) => sessionMatches(aggregate, preset, search))
      .map((aggregate) => sessionRow(aggregate, preset, query.now))
      .filter((row) => query.status === 'all' || row.status === query.status)
      .filter((row) => inTimeRange(row.startedAt, query.range));
    return sortSessions(rows, query.sort, query.order);
  };

  return checkedReads(
    {
      getSyncState: () => use(() => source.syncState()),

      listSessions: (query, page) =>
        use(() => {
          const rows = matchingSessions(query);
          return {
            items: rows.slice(page.offset, page.offset + page.limit),
            page: page.page,
            limit: page.limit,
            total: rows.length,
            totalPages: totalPages(rows.length, page.limit),
          };
        }),

      scanSessions: (query, { limit, after }) =>
        use(() => {
          const rows = matchingSessions(query);
          const { sort, order } = query;
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

      getSession: (id, now) =>
        use(() => {
          const aggregate = data().sessions.get(id);
          return aggregate ? sessionRow(aggregate, preset, now) : null;
        }),

      getSessionStats: (range, now) =>
        use(() => sessionStats(sessionsInRange(data(), preset, range, now), preset)),

      getConversation: (sessionId) =>
        use(() => {
          const aggregate = data().sessions.get(sessionId);
          if (!aggregate) return null;
          return { sessionId, messages: structuredClone(sessionConversation(aggregate, preset)) };
        }),

      listAgents: (range) => use(() => listAgents(data(), preset, range)),

      getAgent: ({ name, range, recentErrorsLimit }) =>
        use(() => agentDetail(data(), preset, name, range, recentErrorsLimit)),

      getAgentTimeSeries: ({ name, range, bucket, timeZone }) =>
        use(() => agentTimeSeries(data(), name, range, bucket, timeZone)),

      getModelUsage: (range) => use(() => modelUsage(factsInRange(data(), range))),

      getDashboard: (query) => use(() => dashboardMetrics(data(), preset, query)),

      listScores: (range) => use(() => listScores(data(), range)),

      getScore: (query) => use(() => scoreDetail(data(), query)),
      listSessionScores: (sessionIds) => use(() => sessionScores(data(), sessionIds)),
    },
    clock,
  );
}
