import type { DashboardPreset, DashboardReads, EpochMs } from '@cupid-dashboard/core';
import {
  type ReadRunner,
  readSessionScores,
  readSyncState,
  scoreReads,
  sqlReads,
} from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { getAgent, getAgentTimeSeries, getModelUsage, listAgents } from './agents';
import { getConversation } from './conversation';
import { getDashboard } from './dashboard';
import { scoreBinsPart } from './score-bins';
import { scanSessions } from './session-scan';
import { getSessionStats } from './session-stats';
import { getSession, listSessions } from './sessions';

/**
 * The store's queries, checked and defaulted by core, each read through `run` on a read
 * connection: the store's own reads (one transaction each) and a snapshot's (all in one) are the
 * same code.
 */
export function sqliteReads(
  run: ReadRunner<Db>,
  preset: DashboardPreset,
  clock: () => EpochMs,
): DashboardReads {
  return sqlReads(
    run,
    {
      getSyncState: readSyncState,
      listSessions,
      scanSessions,
      getSession,
      getSessionStats,
      getConversation,
      listAgents,
      getAgent,
      getAgentTimeSeries,
      getModelUsage,
      getDashboard,
      ...scoreReads(scoreBinsPart),
      listSessionScores: readSessionScores,
    },
    preset,
    clock,
  );
}
