import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import type { TraceAggTable } from '../db/schema';
import { type Db, TRACE_TABLES } from '../db/types';
import { upsertTraceAggregates } from './inserts';
import type { TraceChange, TraceChanges } from './trace-changes';

interface TraceDelta {
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
  const deltas = { hour: new Map<number, TraceDelta>(), day: new Map<number, TraceDelta>() };
  const shift = (timestamp: number, latency: number | null, sign: 1 | -1) => {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(timestamp, size);
      let delta = deltas[size].get(bucket);
      if (!delta) {
        delta = { bucket, traces: 0, latencyCount: 0, latencySum: 0 };
        deltas[size].set(bucket, delta);
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
      let count = (before?.obs_count ?? 0) + change.added - change.removed.length;
      let first = Math.min(before?.first_start ?? Number.POSITIVE_INFINITY, change.addedFirst);
      let last = Math.max(before?.last_end ?? Number.NEGATIVE_INFINITY, change.addedLast);
      const lostEdge =
        before !== undefined &&
        change.removed.some(
          (span) =>
            (before.first_start !== null &&
              span.first <= before.first_start &&
              change.addedFirst > span.first) ||
            (before.last_end !== null &&
              span.last >= before.last_end &&
              change.addedLast < span.last),
        );
      if (count > 0 && lostEdge) ({ count, first, last } = await readTrace(db, id));
      const recordTs = change.recordTimestamp ?? before?.record_ts ?? null;
      const after: TraceAggTable | null =
        recordTs === null && count <= 0
          ? null
          : {
              id,
              record_ts: recordTs,
              first_start: count > 0 ? first : null,
              last_end: count > 0 ? last : null,
              obs_count: Math.max(0, count),
              timestamp: recordTs ?? first,
              latency_ms: count > 0 ? last - first : null,
            };
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
  await applyTraceDeltas(db, 'hour', deltas.hour);
  await applyTraceDeltas(db, 'day', deltas.day);
  return knownDelta;
}

/** A trace's observation span read from the observations (a scan: there is no trace index). */
async function readTrace(
  db: Db,
  id: string,
): Promise<{ count: number; first: number; last: number }> {
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

async function applyTraceDeltas(
  db: Db,
  size: BucketSize,
  deltas: ReadonlyMap<number, TraceDelta>,
): Promise<void> {
  const changed = [...deltas.values()].filter(
    (delta) => delta.traces !== 0 || delta.latencyCount !== 0 || delta.latencySum !== 0,
  );
  if (changed.length === 0) return;
  const table = TRACE_TABLES[size] as 'trace_hour';
  for (const slice of chunks(changed, 2000)) {
    await db
      .insertInto(table)
      .values(
        slice.map((delta) => ({
          bucket: delta.bucket,
          traces: delta.traces,
          latency_count: delta.latencyCount,
          latency_sum: delta.latencySum,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('bucket').doUpdateSet((eb) => ({
          traces: eb(`${table}.traces`, '+', eb.ref('excluded.traces')),
          latency_count: eb(`${table}.latency_count`, '+', eb.ref('excluded.latency_count')),
          latency_sum: eb(`${table}.latency_sum`, '+', eb.ref('excluded.latency_sum')),
        })),
      )
      .execute();
    await db
      .deleteFrom(table)
      .where(
        'bucket',
        'in',
        slice.map((delta) => delta.bucket),
      )
      .where('traces', '<=', 0)
      .execute();
  }
}
