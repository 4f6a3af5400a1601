import {
  type CheckedQueries,
  checkedReads,
  type DashboardPreset,
  type DashboardReads,
  type EpochMs,
} from '@cupid-dashboard/core';

/** Runs one query body on handle `D`: in a read transaction of its own, or in a snapshot's. */
export type ReadRunner<D> = <T>(body: (db: D) => Promise<T>) => Promise<T>;

type Q = CheckedQueries;
type Args<K extends keyof Q> = Parameters<Q[K]>;
type Answer<K extends keyof Q> = ReturnType<Q[K]>;

/**
 * A SQL store's query functions: core's checked queries, each taking the store's handle first and
 * the preset where the answer depends on it (chapters, status, categories).
 */
export interface SqlQueries<D> {
  getSyncState(db: D): Answer<'getSyncState'>;
  listSessions(
    db: D,
    query: Args<'listSessions'>[0],
    page: Args<'listSessions'>[1],
    preset: DashboardPreset,
  ): Answer<'listSessions'>;
  scanSessions(
    db: D,
    query: Args<'scanSessions'>[0],
    scan: Args<'scanSessions'>[1],
    preset: DashboardPreset,
  ): Answer<'scanSessions'>;
  getSession(
    db: D,
    id: string,
    preset: DashboardPreset,
    now: Args<'getSession'>[1],
  ): Answer<'getSession'>;
  getSessionStats(
    db: D,
    range: Args<'getSessionStats'>[0],
    preset: DashboardPreset,
    now: Args<'getSessionStats'>[1],
  ): Answer<'getSessionStats'>;
  getConversation(db: D, sessionId: string, preset: DashboardPreset): Answer<'getConversation'>;
  listAgents(db: D, range: Args<'listAgents'>[0], preset: DashboardPreset): Answer<'listAgents'>;
  getAgent(db: D, query: Args<'getAgent'>[0], preset: DashboardPreset): Answer<'getAgent'>;
  getAgentTimeSeries(db: D, query: Args<'getAgentTimeSeries'>[0]): Answer<'getAgentTimeSeries'>;
  getModelUsage(db: D, range: Args<'getModelUsage'>[0]): Answer<'getModelUsage'>;
  getDashboard(
    db: D,
    query: Args<'getDashboard'>[0],
    preset: DashboardPreset,
  ): Answer<'getDashboard'>;
  listScores(db: D, range: Args<'listScores'>[0]): Answer<'listScores'>;
  getScore(db: D, query: Args<'getScore'>[0]): Answer<'getScore'>;
  listSessionScores(db: D, sessionIds: Args<'listSessionScores'>[0]): Answer<'listSessionScores'>;
}

/**
 * The queries a store reads in one statement, and the runner they take instead of a transaction:
 * one statement sees one committed state by itself, and a transaction's begin and commit would
 * be two more round trips to a database server.
 */
export interface OneStatementReads<D> {
  run: ReadRunner<D>;
  queries: readonly (keyof SqlQueries<D>)[];
}

/**
 * A SQL store's `DashboardReads`: each of its query functions run through `transaction` (or
 * `oneStatement.run` for the queries it names), with its parameters checked and defaulted by core
 * first (`checkedReads`). The store's own reads (one transaction each) and a snapshot's (all in
 * one) are the same functions, bound to another runner.
 *
 * @example
 * const reads = sqlReads(run, { getSyncState: readSyncState, listSessions, … }, preset, clock);
 */
export function sqlReads<D>(
  transaction: ReadRunner<D>,
  q: SqlQueries<D>,
  preset: DashboardPreset,
  clock: () => EpochMs,
  oneStatement?: OneStatementReads<D>,
): DashboardReads {
  const single = new Set(oneStatement?.queries);
  const run = (query: keyof SqlQueries<D>): ReadRunner<D> =>
    oneStatement !== undefined && single.has(query) ? oneStatement.run : transaction;
  return checkedReads(
    {
      getSyncState: () => run('getSyncState')((db) => q.getSyncState(db)),
      listSessions: (query, page) =>
        run('listSessions')((db) => q.listSessions(db, query, page, preset)),
      scanSessions: (query, scan) =>
        run('scanSessions')((db) => q.scanSessions(db, query, scan, preset)),
      getSession: (id, now) => run('getSession')((db) => q.getSession(db, id, preset, now)),
      getSessionStats: (range, now) =>
        run('getSessionStats')((db) => q.getSessionStats(db, range, preset, now)),
      getConversation: (sessionId) =>
        run('getConversation')((db) => q.getConversation(db, sessionId, preset)),
      listAgents: (range) => run('listAgents')((db) => q.listAgents(db, range, preset)),
      getAgent: (query) => run('getAgent')((db) => q.getAgent(db, query, preset)),
      getAgentTimeSeries: (query) =>
        run('getAgentTimeSeries')((db) => q.getAgentTimeSeries(db, query)),
      getModelUsage: (range) => run('getModelUsage')((db) => q.getModelUsage(db, range)),
      getDashboard: (query) => run('getDashboard')((db) => q.getDashboard(db, query, preset)),
      listScores: (range) => run('listScores')((db) => q.listScores(db, range)),
      getScore: (query) => run('getScore')((db) => q.getScore(db, query)),
      listSessionScores: (sessionIds) =>
        run('listSessionScores')((db) => q.listSessionScores(db, sessionIds)),
    },
    clock,
  );
}
