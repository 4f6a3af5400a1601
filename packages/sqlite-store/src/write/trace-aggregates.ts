import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import { type Db, TRACE_TABLES } from '../db/types';
import type { BatchIndex } from './batch-index';
import { upsertTraceAggregates } from './inserts';

interface TraceDelta {
  bucket: number;
  traces: number;
  latencyCount: number;
  latencySum: number;
}

/**
 * Recomputes the aggregates of the given traces (time: the record's timestamp, else the earliest
 * observation start; latency as core's `traceLatencyMs`) and moves their contribution in the
 * hourly and daily trace rollups from the old values to the new.
 *
 * @returns the change in the number of known traces
 */
export async function refreshTraces(
  db: Db,
  ids: readonly string[],
  batch: BatchIndex | null,
): Promise<number> {
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

  for (const slice of chunks(ids, 500)) {
    const stored = new Map(
      (await db.selectFrom('trace_agg').selectAll().where('id', 'in', slice).execute()).map(
        (row) => [row.id, row],
      ),
    );
    // A trace unknown before this batch has every record in the batch.
    const fromDb = batch === null ? slice : slice.filter((id) => stored.has(id));
    const records = new Map<string, number>();
    const spans = new Map<string, { first: number; last: number }>();
    if (fromDb.length > 0) {
      const rows = await db
        .selectFrom('traces')
        .select(['id', 'timestamp'])
        .where('id', 'in', fromDb)
        .execute();
      for (const row of rows) records.set(row.id, row.timestamp);
      const grouped = await db
        .selectFrom('observations')
        .select([
          'trace_id',
          sql<number>`min(start_time)`.as('first'),
          sql<number>`max(max(coalesce(end_time, start_time), start_time))`.as('last'),
        ])
        .where('trace_id', 'in', fromDb)
        .groupBy('trace_id')
        .execute();
      for (const row of grouped) spans.set(row.trace_id as string, row);
    }
    if (batch !== null) {
      for (const id of slice) {
        if (stored.has(id)) continue;
        const timestamp = batch.traceTimestamps.get(id);
        if (timestamp !== undefined) records.set(id, timestamp);
        const observations = batch.observationsByTrace.get(id);
        if (observations) spans.set(id, spanOf(observations));
      }
    }
    const upserts: { id: string; timestamp: number; latency_ms: number | null }[] = [];
    const deletes: string[] = [];
    for (const id of slice) {
      const span = spans.get(id);
      const recordTime = records.get(id);
      const before = stored.get(id);
      const known = recordTime !== undefined || span !== undefined;
      const after = known
        ? {
            id,
            timestamp: recordTime ?? (span?.first as number),
            latency_ms: span ? span.last - span.first : null,
          }
        : null;
      if (
        before &&
        after &&
        before.timestamp === after.timestamp &&
        before.latency_ms === after.latency_ms
      ) {
        continue;
      }
      if (before) shift(before.timestamp, before.latency_ms, -1);
      if (after) {
        shift(after.timestamp, after.latency_ms, 1);
        upserts.push(after);
      } else if (before) deletes.push(id);
      knownDelta += (after ? 1 : 0) - (before ? 1 : 0);
    }
    await upsertTraceAggregates(db, upserts);
    if (deletes.length > 0) await db.deleteFrom('trace_agg').where('id', 'in', deletes).execute();
  }
  await applyTraceDeltas(db, 'hour', deltas.hour);
  await applyTraceDeltas(db, 'day', deltas.day);
  return knownDelta;
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

/** Earliest start and latest end (or start) of some observations, as `traceLatencyMs` reads them. */
function spanOf(observations: ReadonlyArray<{ start_time: number; end_time: number | null }>): {
  first: number;
  last: number;
} {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of observations) {
    first = Math.min(first, row.start_time);
    last = Math.max(last, row.end_time ?? row.start_time, row.start_time);
  }
  return { first, last };
}
