import type { ObservationRecord } from '../../domain/records';
import type { CupidDataset } from './types';

/** Headline counts of a dataset, for tests, demos and benchmark labels. */
export interface DatasetSummary {
  sessions: number;
  traces: number;
  /** Distinct observation ids (a late version does not count twice). */
  observations: number;
  generations: number;
  /** Observations whose latest version has level ERROR. */
  errors: number;
  warnings: number;
  /** Sessions with at least one ERROR observation. */
  sessionsWithErrors: number;
  /** Sessions that reached the final chapter (metadata `chapter` 6). */
  completed: number;
  abandoned: number;
  anonymousSessions: number;
  /** Distinct user ids among the sessions' traces. */
  users: number;
  lateUpdates: number;
  /** Sum of `totalCost` over the latest versions, in USD. */
  totalCostUsd: number;
}

/**
 * Counts what a dataset holds, applying late updates first (latest version per id wins).
 *
 * @example
 * summarizeDataset(generateCupidDataset({ sessions: 10 })).sessions; // 10
 */
export function summarizeDataset(dataset: CupidDataset, completedAtChapter = 6): DatasetSummary {
  const latest = new Map<string, ObservationRecord>();
  for (const record of dataset.observations) latest.set(record.id, record);
  for (const record of dataset.lateUpdates) latest.set(record.id, record);

  const sessionOfTrace = new Map<string, string | null>();
  const users = new Set<string>();
  const anonymous = new Set<string>();
  for (const trace of dataset.traces) {
    sessionOfTrace.set(trace.id, trace.sessionId);
    if (trace.userId !== null) users.add(trace.userId);
    else if (trace.sessionId !== null) anonymous.add(trace.sessionId);
  }

  let generations = 0;
  let errors = 0;
  let warnings = 0;
  let totalCostUsd = 0;
  const failed = new Set<string>();
  const completed = new Set<string>();
  for (const record of latest.values()) {
    const sessionId = record.sessionId ?? sessionOfTrace.get(record.traceId ?? '') ?? null;
    if (record.type === 'GENERATION') generations++;
    if (record.level === 'WARNING') warnings++;
    if (record.level === 'ERROR') {
      errors++;
      if (sessionId !== null) failed.add(sessionId);
    }
    totalCostUsd += record.totalCost ?? 0;
    if (sessionId !== null && record.metadata?.chapter === completedAtChapter) {
      completed.add(sessionId);
    }
  }
  return {
    sessions: dataset.sessions.length,
    traces: dataset.traces.length,
    observations: latest.size,
    generations,
    errors,
    warnings,
    sessionsWithErrors: failed.size,
    completed: completed.size,
    abandoned: dataset.sessions.length - completed.size,
    anonymousSessions: anonymous.size,
    users: users.size,
    lateUpdates: dataset.lateUpdates.length,
    totalCostUsd,
  };
}
