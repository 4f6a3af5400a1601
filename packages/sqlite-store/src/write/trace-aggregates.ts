import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import type { TraceAggTable, TraceRollupTable } from '../db/schema';
import type { Db } from '../db/types';
import { upsertTraceAggregates } from './inserts';
import { type RollupTarget, writeRollupDeltas } from './rollup-writer';
import type { TraceChange, TraceChanges } from './trace-changes';

/** The change a batch makes to one trace rollup row. */
export interface TraceDelta {
  bucket: number;
  traces: number;
  latencyCount: number;
  latencySum: number;
}

/**
 * Moves trace aggregates by the batch's changes: a trace's time is its record's timestamp, else
 * its earliest observation start; its latency runs from the earliest start to the latest end
 * (core's `traceLatencyMs`). Earliest start, latest end and count are kept per trace, so new
 * observations only widen them. Only when a replaced version held the earliest start or the
 * latest end (which Langfuse never does: starts are fixed and ends only arrive) is the trace read
 * again from its observations. The hourly and daily trace rollups move from old to new values.
 *
 * @returns the change in the number of known traces
 */
export async function refreshTraces(db: Db, changes: TraceChanges): Promise<number> {
  let knownDelta = 0;
  const deltas = { hour: new Map<string, TraceDelta>(), day: new Map<string, TraceDelta>() };
  const shift = (timestamp: number, latency: number | null, sign: 1 | -1) => {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(timestamp, size);
      let delta = deltas[size].get(String(bucket));
      if (!delta) {
        delta = { bucket, traces: 0, latencyCount: 0, latencySum: 0 };
        deltas[size].set(String(bucket), delta);
      }
      delta.traces += sign;
      if (latency !== null) {
        delta.latencyCount += sign;
        delta.latencySum += sign * latency;
      }
    }
  };

  for (const slice of chunks([...changes.changes.keys()], 500)) {
    const stored = new Map(
      (await db.selectFrom('trace_agg').selectAll().where('id', 'in', slice).execute()).map(
        (row) => [row.id, row],
      ),
    );
    const upserts: TraceAggTable[] = [];
    const deletes: string[] = [];
    for (const id of slice) {
      const change = changes.changes.get(id) as TraceChange;
      const before = stored.get(id);
      const moved = movedSpan(before, change);
      const span =
        moved.count > 0 && lostTraceEdge(before, change) ? await readTrace(db, id) : moved;
      const after = nextTraceAggregate(id, before, change, span);
      knownDelta += (after ? 1 : 0) - (before ? 1 : 0);
      if (before) shift(before.timestamp, before.latency_ms, -1);
      if (after) {
        shift(after.timestamp, after.latency_ms, 1);
        upserts.push(after);
      } else if (before) deletes.push(id);
    }
    await upsertTraceAggregates(db, upserts);
    if (deletes.length > 0) await db.deleteFrom('trace_agg').where('id', 'in', deletes).execute();
  }
  for (const size of ['hour', 'day'] as const) {
    await writeRollupDeltas(
      db,
      TARGETS[size],
      deltas[size],
      (row) => String(row.bucket),
      addTraceDelta,
    );
  }
  return knownDelta;
}

/** A trace's observation count and span: earliest start, latest activity end (epoch ms). */
interface TraceSpan {
  count: number;
  first: number;
  last: number;
}

/** The stored span moved by a change, assuming the removed versions held no edge. */
function movedSpan(before: TraceAggTable | undefined, change: TraceChange): TraceSpan {
  return {
    count: (before?.obs_count ?? 0) + change.added - change.removed.length,
    first: Math.min(before?.first_start ?? Number.POSITIVE_INFINITY, change.addedFirst),
    last: Math.max(before?.last_end ?? Number.NEGATIVE_INFINITY, change.addedLast),
  };
}

/**
 * Whether a change may have removed a trace's edge: a replaced version started at or before the
 * stored earliest start and nothing added starts as early, or it ended at or after the stored
 * latest end and nothing added ends as late. Then the span must be read again.
 *
 * @example
 * lostTraceEdge({ first_start: 10, last_end: 50, ... }, { removed: [{ first: 10, last: 20 }], addedFirst: 15, ... }); // true
 */
export function lostTraceEdge(
  before: Pick<TraceAggTable, 'first_start' | 'last_end'> | undefined,
  change: Pick<TraceChange, 'removed' | 'addedFirst' | 'addedLast'>,
): boolean {
  if (before === undefined) return false;
  return change.removed.some(
    (span) =>
      (before.first_start !== null &&
        span.first <= before.first_start &&
        change.addedFirst > span.first) ||
      (before.last_end !== null && span.last >= before.last_end && change.addedLast < span.last),
  );
}

/** A trace's aggregate after a change; null when it has neither a record nor observations. */
function nextTraceAggregate(
  id: string,
  before: TraceAggTable | undefined,
  change: TraceChange,
  { count, first, last }: TraceSpan,
): TraceAggTable | null {
  const recordTs = change.recordTimestamp ?? before?.record_ts ?? null;
  if (recordTs === null && count <= 0) return null;
  return {
    id,
    record_ts: recordTs,
    first_start: count > 0 ? first : null,
    last_end: count > 0 ? last : null,
    obs_count: Math.max(0, count),
    timestamp: recordTs ?? first,
    latency_ms: count > 0 ? last - first : null,
  };
}

/** A trace's observation span read from the observations (a scan: there is no trace index). */
async function readTrace(db: Db, id: string): Promise<TraceSpan> {
  const row = await db
    .selectFrom('observations')
    .select([
      sql<number>`count(*)`.as('count'),
      sql<number>`min(start_time)`.as('first'),
      sql<number>`max(max(coalesce(end_time, start_time), start_time))`.as('last'),
    ])
    .where('trace_id', '=', id)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), first: row.first, last: row.last };
}

const TRACE_ROLLUP_COLUMNS = ['bucket', 'traces', 'latency_count', 'latency_sum'] as const;

const TARGETS = {
  hour: { table: 'trace_hour', key: ['bucket'], columns: TRACE_ROLLUP_COLUMNS },
  day: { table: 'trace_day', key: ['bucket'], columns: TRACE_ROLLUP_COLUMNS },
} as const satisfies Record<BucketSize, RollupTarget<'trace_hour' | 'trace_day'>>;

/** A trace rollup row after adding a delta; null when no traces are left. */
export function addTraceDelta(
  row: TraceRollupTable | undefined,
  delta: TraceDelta,
): TraceRollupTable | null {
  const traces = (row?.traces ?? 0) + delta.traces;
  if (traces <= 0) return null;
  return {
    bucket: delta.bucket,
    traces,
    latency_count: (row?.latency_count ?? 0) + delta.latencyCount,
    latency_sum: (row?.latency_sum ?? 0) + delta.latencySum,
  };
}
