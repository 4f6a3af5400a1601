import { type EntityCounts, SearchChanges, TouchedSet } from '@cupid-dashboard/core';
import type { CounterName } from '@cupid-dashboard/sql-store';
import { BatchIndex } from './batch-index';
import { TraceChanges } from './trace-changes';

/**
 * What one batch has done so far, shared by its phases: what it wrote and skipped, what it
 * touched (for the result), the search and trace changes and the index the derived work reads,
 * and the new rows the counters grow by.
 */
export class BatchState {
  readonly touched = new TouchedSet();
  readonly written: EntityCounts = { sessions: 0, traces: 0, observations: 0, scores: 0 };
  readonly skipped: EntityCounts = { sessions: 0, traces: 0, observations: 0, scores: 0 };
  readonly search = new SearchChanges();
  readonly traceChanges = new TraceChanges();
  readonly index = new BatchIndex();
  /** Sessions whose scores changed: their per-session score rollups are recomputed at the end. */
  readonly scoreSessions = new Set<string | null>();
  /** Rows that did not exist before the batch, by table. */
  readonly created: Record<Extract<CounterName, keyof EntityCounts>, number> = {
    sessions: 0,
    traces: 0,
    observations: 0,
    scores: 0,
  };
}
