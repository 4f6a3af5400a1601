import {
  checkAgentTimeSeriesParams,
  checkBounded,
  checkDashboardParams,
  checkRange,
  type DashboardPreset,
  type DashboardReads,
  type EpochMs,
} from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { readSyncState } from '../sync/sync-state';
import { getAgent, getAgentTimeSeries, getModelUsage, listAgents } from './agents';
import { getConversation } from './conversation';
import { getDashboard } from './dashboard';
import { scanSessions } from './session-scan';
import { getSessionStats } from './session-stats';
import { getSession, listSessions } from './sessions';

/** Runs one query body on a read connection: in a transaction of its own, or in a snapshot's. */
export type ReadRunner = <T>(body: (db: Db) => Promise<T>) => Promise<T>;

/**
 * The store's queries, each checked and defaulted by core's rules, then read through `run`: the
 * store's own reads (one transaction each) and a snapshot's (all in one) are the same code.
 */
export function sqliteReads(
  run: ReadRunner,
  preset: DashboardPreset,
  clock: () => EpochMs,
): DashboardReads {
  return {
    getSyncState: () => run((db) => readSyncState(db)),

    listSessions: (params = {}) =>
      run((db) => listSessions(db, params, preset, params.now ?? clock())),
    scanSessions: (params = {}) =>
      run((db) => scanSessions(db, params, preset, params.now ?? clock())),
    getSession: ({ id, now }) => run((db) => getSession(db, id, preset, now ?? clock())),
    getSessionStats: (params = {}) =>
      run((db) => getSessionStats(db, checkRange(params.range), preset, params.now ?? clock())),
    getConversation: ({ sessionId }) => run((db) => getConversation(db, sessionId, preset)),

    listAgents: (params = {}) => run((db) => listAgents(db, checkRange(params.range), preset)),
    getAgent: (params) =>
      run((db) =>
        getAgent(
          db,
          {
            name: params.name,
            range: checkRange(params.range),
            recentErrorsLimit: checkBounded('recentErrorsLimit', params.recentErrorsLimit),
          },
          preset,
        ),
      ),
    getAgentTimeSeries: (params) =>
      run((db) => getAgentTimeSeries(db, checkAgentTimeSeriesParams(params))),
    getModelUsage: (params = {}) => run((db) => getModelUsage(db, checkRange(params.range))),

    getDashboard: (params = {}) =>
      run((db) => getDashboard(db, checkDashboardParams(params, clock), preset)),
  };
}
