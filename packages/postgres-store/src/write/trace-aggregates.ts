import { activityEnd, traceLatencyMs } from '@cupid-dashboard/core';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { TraceAggTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BucketDeltas } from '../rollups/bucket-rollups';
import type { BatchChanges, TraceMember } from './batch-changes';
import { chunks } from './versions';

type StoredTrace = Pick<
  TraceAggTable,
  | 'id'
  | 'timestamp'
  | 'latency_ms'
  | 'record_timestamp'
  | 'first_start'
  | 'last_end'
  | 'obs_count'
  | 'cost'
>;

const STORED_COLUMNS = [
  'id',
  'timestamp',
  'latency_ms',
  'record_timestamp',
  'first_start',
  'last_end',
  'obs_count',
  'cost',
] as const;

/**
 * A trace's aggregate as v4 defines it: time (the record's timestamp, else the earliest
 * observation start), latency (core's `traceLatencyMs` over its members) and cost; null when
 * nothing names the trace. `members` are folded in start order, so the cost is the same float
 * sum however the trace was built.
 */
function traceAggregate(
  id: string,
  recordTimestamp: number | null,
  members: readonly TraceMember[],
  stored: StoredTrace | undefined,
): TraceAggTable | null {
  const spans = [...members];
  if (stored?.first_start != null && stored.last_end != null) {
    spans.push({
      startTime: toNumber(stored.first_start),
      endTime: toNumber(stored.last_end),
      cost: 0,
    });
  }
  const count = (stored?.obs_count ?? 0) + members.length;
  const firstStart = spans.length === 0 ? null : Math.min(...spans.map((s) => s.startTime));
  const timestamp = recordTimestamp ?? firstStart;
  if (timestamp === null) return null;
  const sorted = [...members].sort((a, b) => a.startTime - b.startTime);
  return {
    id,
    timestamp,
    latency_ms: count === 0 ? null : traceLatencyMs(spans),
    cost: sorted.reduce((sum, member) => sum + member.cost, stored?.cost ?? 0),
    record_timestamp: recordTimestamp,
    first_start: firstStart,
    last_end:
      spans.length === 0
        ? null
        : Math.max(...spans.map((s) => activityEnd(s.startTime, s.endTime))),
    obs_count: count,
  };
}

/**
 * Brings the aggregates of the traces a batch touched up to date: a trace whose stored members
 * changed (dirty) is recomputed from its record and observations; any other one only widens by
 * its new observations and takes its record's new timestamp, without reading its observations.
 */
export async function updateTraces(db: Db, changes: BatchChanges): Promise<void> {
  const ids = new Set([
    ...changes.dirtyTraces,
    ...changes.traceMembers.keys(),
    ...changes.traceTimestamps.keys(),
  ]);
  const dirty = [...ids].filter((id) => changes.dirtyTraces.has(id));
  const clean = [...ids].filter((id) => !changes.dirtyTraces.has(id));
  changes.count('derived_traces', await recomputeTraces(db, dirty, changes.traceRollups));
  for (const slice of chunks(clean, 1000)) {
    const stored = new Map(
      (
        await db.selectFrom('trace_agg').select(STORED_COLUMNS).where('id', 'in', slice).execute()
      ).map((row) => [row.id, row]),
    );
    const rows: TraceAggTable[] = [];
    for (const id of slice) {
      const before = stored.get(id);
      const recordTimestamp =
        changes.traceTimestamps.get(id) ?? toNumberOrNull(before?.record_timestamp ?? null);
      const row = traceAggregate(id, recordTimestamp, changes.traceMembers.get(id) ?? [], before);
      if (row === null) continue;
      if (before) changes.traceRollups.shiftTrace(before, -1);
      else changes.count('derived_traces', 1);
      changes.traceRollups.shiftTrace(row, 1);
      rows.push(row);
    }
    await writeTraceRows(db, rows);
  }
}

/**
 * Recomputes the given traces from their record and observations (dirty ones, or all on a
 * rebuild), moving the trace rollups by the difference when given them. A trace nothing names any
 * more loses its row.
 *
 * @returns the change in the number of trace aggregates
 */
export async function recomputeTraces(
  db: Db,
  ids: readonly string[],
  rollups: BucketDeltas | null,
): Promise<number> {
  let delta = 0;
  for (const slice of chunks(ids, 1000)) {
    const records = await db
      .selectFrom('traces')
      .select(['id', 'timestamp'])
      .where('id', 'in', slice)
      .execute();
    const observations = await db
      .selectFrom('observations')
      .select(['trace_id', 'start_time', 'end_time', 'cost'])
      .where('trace_id', 'in', slice)
      .orderBy('start_time')
      .orderBy('id')
      .execute();
    const before = await db
      .selectFrom('trace_agg')
      .select(STORED_COLUMNS)
      .where('id', 'in', slice)
      .execute();
    for (const row of before) rollups?.shiftTrace(row, -1);
    const timestamps = new Map(records.map((row) => [row.id, toNumber(row.timestamp)]));
    const members = new Map<string, TraceMember[]>();
    for (const row of observations) {
      if (row.trace_id === null) continue;
      const list = members.get(row.trace_id) ?? [];
      list.push({
        startTime: toNumber(row.start_time),
        endTime: toNumberOrNull(row.end_time),
        cost: row.cost,
      });
      members.set(row.trace_id, list);
    }
    const rows: TraceAggTable[] = [];
    const gone: string[] = [];
    for (const id of slice) {
      const row = traceAggregate(id, timestamps.get(id) ?? null, members.get(id) ?? [], undefined);
      if (row === null) gone.push(id);
      else {
        rows.push(row);
        rollups?.shiftTrace(row, 1);
      }
    }
    delta += rows.length - before.length;
    if (gone.length > 0) await db.deleteFrom('trace_agg').where('id', 'in', gone).execute();
    await writeTraceRows(db, rows);
  }
  return delta;
}

async function writeTraceRows(db: Db, rows: readonly TraceAggTable[]): Promise<void> {
  for (const slice of chunks(rows, 2000)) {
    await db
      .insertInto('trace_agg')
      .values(slice)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          timestamp: eb.ref('excluded.timestamp'),
          latency_ms: eb.ref('excluded.latency_ms'),
          cost: eb.ref('excluded.cost'),
          record_timestamp: eb.ref('excluded.record_timestamp'),
          first_start: eb.ref('excluded.first_start'),
          last_end: eb.ref('excluded.last_end'),
          obs_count: eb.ref('excluded.obs_count'),
        })),
      )
      .execute();
  }
}
