import type { ObservationTable, TraceTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchIndex } from './batch-index';

/** The observation columns a session's aggregates are folded from. */
const SOURCE_OBSERVATION_COLUMNS = [
  'eff_session_id',
  'id',
  'trace_id',
  'type',
  'name',
  'user_id',
  'start_time',
  'end_time',
  'chapter',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'is_error',
] as const satisfies readonly (keyof ObservationTable)[];

/** An observation as a session's aggregates read it. */
export type SourceObservation = Pick<ObservationTable, (typeof SOURCE_OBSERVATION_COLUMNS)[number]>;

/** A trace as a session's aggregates read it. */
export type SourceTrace = Pick<TraceTable, 'id' | 'timestamp' | 'user_id'>;

/** Everything linked to some sessions, by session id. */
export interface SessionSources {
  observations: Map<string, SourceObservation[]>;
  traces: Map<string, SourceTrace[]>;
  createdAt: Map<string, number>;
}

/**
 * The records of some sessions: read from the tables, except for the sessions in `fromBatch`,
 * whose every record is in the batch just written (so they are not read back).
 */
export async function gatherSessionSources(
  db: Db,
  ids: readonly string[],
  fromBatch: ReadonlySet<string>,
  batch: BatchIndex | null,
): Promise<SessionSources> {
  const sources = await readSessionSources(
    db,
    ids.filter((id) => !fromBatch.has(id)),
  );
  if (batch === null) return sources;
  for (const id of fromBatch) {
    const createdAt = batch.sessionCreatedAt.get(id);
    if (createdAt !== undefined) sources.createdAt.set(id, createdAt);
    const traces = batch.tracesBySession.get(id);
    if (traces) sources.traces.set(id, traces);
    const observations = batch.observationsBySession.get(id);
    if (observations) sources.observations.set(id, observations);
  }
  return sources;
}

/** Reads everything linked to some sessions: observations, traces and records. */
async function readSessionSources(db: Db, ids: readonly string[]): Promise<SessionSources> {
  if (ids.length === 0) {
    return { observations: new Map(), traces: new Map(), createdAt: new Map() };
  }
  const observations = await db
    .selectFrom('observations')
    .select(SOURCE_OBSERVATION_COLUMNS)
    .where('eff_session_id', 'in', ids)
    .execute();
  const traces = await db
    .selectFrom('traces')
    .select(['session_id', 'id', 'timestamp', 'user_id'])
    .where('session_id', 'in', ids)
    .execute();
  const records = await db
    .selectFrom('sessions')
    .select(['id', 'created_at'])
    .where('id', 'in', ids)
    .execute();
  return {
    observations: groupRows(observations, (row) => row.eff_session_id),
    traces: groupRows(traces, (row) => row.session_id),
    createdAt: new Map(records.map((row) => [row.id, row.created_at])),
  };
}

function groupRows<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
