import { activityEnd } from '@cupid-dashboard/core';

/** What a batch changed about one trace. */
export interface TraceChange {
  /** Timestamp of the trace record written, if one was. */
  recordTimestamp: number | undefined;
  added: number;
  addedFirst: number;
  addedLast: number;
  /** Spans of the stored versions replaced (start, and end or start). */
  removed: Array<{ first: number; last: number }>;
}

/**
 * Collects per trace the records written and the observation versions added and removed, so
 * trace aggregates (earliest start, latest end, count) move by delta instead of being re-read.
 */
export class TraceChanges {
  readonly changes = new Map<string, TraceChange>();

  addRecord(id: string, timestamp: number): void {
    this.entry(id).recordTimestamp = timestamp;
  }

  /** An observation version of `traceId` added (`sign` 1) or replaced (`sign` -1). */
  addObservation(
    traceId: string | null,
    startTime: number,
    endTime: number | null,
    sign: 1 | -1,
  ): void {
    if (traceId === null) return;
    const change = this.entry(traceId);
    const last = activityEnd(startTime, endTime);
    if (sign === 1) {
      change.added++;
      change.addedFirst = Math.min(change.addedFirst, startTime);
      change.addedLast = Math.max(change.addedLast, last);
    } else {
      change.removed.push({ first: startTime, last });
    }
  }

  private entry(id: string): TraceChange {
    let change = this.changes.get(id);
    if (!change) {
      change = {
        recordTimestamp: undefined,
        added: 0,
        addedFirst: Number.POSITIVE_INFINITY,
        addedLast: Number.NEGATIVE_INFINITY,
        removed: [],
      };
      this.changes.set(id, change);
    }
    return change;
  }
}
