import {
  type SearchChanges,
  type SessionFoldObservation,
  type SessionFoldTrace,
  TouchedSet,
} from '@cupid-dashboard/core';
import type { CounterName } from '@cupid-dashboard/sql-store';
import { BucketDeltas, FIRST_CALL_ROLLUPS, TRACE_ROLLUPS } from '../rollups/bucket-rollups';
import { FactDeltas } from '../rollups/fact-deltas';

/** What a batch's new records add to one session (none of them replaces a stored one). */
export interface SessionAdditions {
  /** Epoch ms of a session record written for the first time. */
  createdAt: number | null;
  traces: SessionFoldTrace[];
  observations: SessionFoldObservation[];
}

/** A new observation's part in its trace's aggregate. */
export interface TraceMember {
  /** Epoch ms. */
  startTime: number;
  /** Epoch ms; null while open. */
  endTime: number | null;
  /** USD. */
  cost: number;
}

/**
 * Everything a batch changes besides the raw rows, gathered while they are written: the touched
 * keys, the search text changes, rollup and counter deltas, and for each session and trace either
 * what new records add to it, or that a stored record of it changed (dirty: it is recomputed from
 * its records).
 */
export class BatchChanges {
  readonly touched = new TouchedSet();
  readonly facts = new FactDeltas();
  readonly traceRollups = new BucketDeltas(TRACE_ROLLUPS);
  readonly firstCallRollups = new BucketDeltas(FIRST_CALL_ROLLUPS);
  readonly counters = new Map<CounterName, number>();
  readonly dirtySessions = new Set<string>();
  readonly dirtyTraces = new Set<string>();
  readonly sessionAdditions = new Map<string, SessionAdditions>();
  readonly traceMembers = new Map<string, TraceMember[]>();
  /** The record timestamp (epoch ms) of each trace whose record the batch writes. */
  readonly traceTimestamps = new Map<string, number>();
  /** `session\0trace` of each link between a session and a trace stored before the batch. */
  readonly linkedBefore = new Set<string>();
  /** Sessions whose scores changed: their per-session score rollups are recomputed. */
  readonly scoreSessions = new Set<string | null>();

  constructor(readonly search: SearchChanges) {}

  count(name: CounterName, delta: number): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + delta);
  }

  /** A stored record of the session changed or left it: recompute it. */
  dirtySession(id: string | null): void {
    if (id !== null) this.dirtySessions.add(id);
  }

  dirtyTrace(id: string | null): void {
    if (id !== null) this.dirtyTraces.add(id);
  }

  /** What new records add to a session (null: none). */
  additionsTo(id: string | null): SessionAdditions | null {
    if (id === null) return null;
    let additions = this.sessionAdditions.get(id);
    if (!additions) {
      additions = { createdAt: null, traces: [], observations: [] };
      this.sessionAdditions.set(id, additions);
    }
    return additions;
  }

  addTraceMember(traceId: string | null, member: TraceMember): void {
    if (traceId === null) return;
    const members = this.traceMembers.get(traceId) ?? [];
    members.push(member);
    this.traceMembers.set(traceId, members);
  }

  /** Whether the session and the trace were linked before the batch. */
  wasLinked(sessionId: string, traceId: string): boolean {
    return this.linkedBefore.has(`${sessionId}\0${traceId}`);
  }
}
