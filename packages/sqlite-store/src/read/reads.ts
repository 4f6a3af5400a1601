import {
  checkedReads,
  type DashboardPreset,
  type DashboardReads,
  type EpochMs,
} from '@cupid-dashboard/core';
import { readSyncState } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { getAgent, getAgentTimeSeries, getModelUsage, listAgents } from './agents';
import { getConversation } from './conversation';
import { getDashboard } from './dashboard';
import { scanSessions } from './session-scan';
import { getSessionStats } from './session-stats';
import { getSession, listSessions } from './sessions';

/** Runs one query body on a read connection: in a transaction of its own, or in a snapshot's. */
export type ReadRunner = <T>(body: (db: Db) => Promise<T>) => Promise<T>;

/**
 * The store's queries, checked and defaulted by core (`checkedReads`), each read through `run`:
 * the store's own reads (one transaction each) and a snapshot's (all in one) are the same code.
 */
export function sqliteReads(
  run: ReadRunner,
  preset: DashboardPreset,
  clock: () => EpochMs,
): DashboardReads {
  return checkedReads(
    {
      getSyncState: () => run(readSyncState),
      listSessions: (query, page) => run((db) => listSessions(db, query, page, preset)),
      scanSessions: (query, scan) => run((db) => scanSessions(db, query, scan, preset)),
      getSession: (id, now) => run((db) => getSession(db, id, preset, now)),
      getSessionStats: (range, now) => run((db) => getSessionStats(db, range, preset, now)),
      getConversation: (sessionId) => run((db) => getConversation(db, sessionId, preset)),
      listAgents: (range) => run((db) => listAgents(db, range, preset)),
      getAgent: (query) => run((db) => getAgent(db, query, preset)),
      getAgentTimeSeries: (query) => run((db) => getAgentTimeSeries(db, query)),
      getModelUsage: (range) => run((db) => getModelUsage(db, range)),
      getDashboard: (query) => run((db) => getDashboard(db, query, preset)),
    },
    clock,
  );
}
