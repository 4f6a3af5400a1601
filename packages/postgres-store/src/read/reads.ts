import type { DashboardPreset, DashboardReads, EpochMs } from '@cupid-dashboard/core';
import {
  type OneStatementReads,
  type ReadRunner,
  readSessionScores,
  readSyncState,
  scoreReads,
  sqlReads,
} from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { getAgent, getAgentTimeSeries, listAgents, modelUsage } from './agents';
import { getConversation } from './conversation';
import { getDashboard } from './dashboard';
import { readPartsAsJson } from './json-arrays';
import { scoreBinsPart } from './score-bins';
import { scanSessions } from './session-scan';
import { getSessionStats } from './session-stats';
import { getSession, listSessions } from './sessions';

/**
 * The queries that are one statement each, so a store's own read of them needs no transaction.
 * A second statement in any of them fails (`oneStatementRead`), which the conformance suite sees.
 */
const ONE_STATEMENT: OneStatementReads<Db>['queries'] = [
  'getSyncState',
  'listSessions',
  'scanSessions',
  'getSession',
  'getSessionStats',
  'listAgents',
  'getAgentTimeSeries',
  'getModelUsage',
  'getDashboard',
  'listScores',
  'getScore',
];

/**
 * The store's queries, checked and defaulted by core, each read through `run` (or, for those of
 * one statement, through `single` when given): the store's own reads (one transaction each, none
 * for one statement) and a snapshot's (all in one) are the same code.
 */
export function postgresReads(
  run: ReadRunner<Db>,
  preset: DashboardPreset,
  clock: () => EpochMs,
  single?: ReadRunner<Db>,
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
      getModelUsage: (db, range) => modelUsage(db, range, 'cost'),
      getDashboard,
      ...scoreReads(scoreBinsPart, readPartsAsJson),
      listSessionScores: readSessionScores,
    },
    preset,
    clock,
    single === undefined ? undefined : { run: single, queries: ONE_STATEMENT },
  );
}
