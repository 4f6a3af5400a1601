import type { ObservationTable, TraceTable } from '../db/schema';

/**
 * The final versions a batch wrote, indexed the way the session aggregates read them. A session
 * that was unknown before the batch (and not re-linked by it) has all its records here, so its
 * aggregates are computed from memory instead of read back from the tables just written.
 */
export class BatchIndex {
  readonly sessionCreatedAt = new Map<string, number>();
  readonly tracesBySession = new Map<string, TraceTable[]>();
  readonly observationsBySession = new Map<string, ObservationTable[]>();

  addSession(id: string, createdAt: number): void {
    this.sessionCreatedAt.set(id, createdAt);
  }

  addTrace(row: TraceTable): void {
    if (row.session_id !== null) push(this.tracesBySession, row.session_id, row);
  }

  addObservation(row: ObservationTable): void {
    if (row.eff_session_id !== null) push(this.observationsBySession, row.eff_session_id, row);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
