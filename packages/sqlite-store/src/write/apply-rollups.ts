import type { BucketSize } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import type { RollupTable } from '../db/schema';
import { type Db, ROLLUP_TABLES } from '../db/types';
import { LatencySketch } from '../sketch';
import { upsertRollups } from './inserts';
import { type RollupDelta, type RollupDeltas, rollupKey, widthOf } from './rollup-deltas';

const upsertHour = upsertRollups('rollup_hour');
const upsertDay = upsertRollups('rollup_day');

/**
 * Writes a batch's rollup changes: reads the rows of the buckets it touched, adds the deltas in
 * JS (sketch blobs cannot be added in SQL), and writes back changed rows, deleting rows left with
 * no calls. Reading by bucket keeps it to a few dozen rows per hour touched.
 */
export async function applyRollupDeltas(db: Db, deltas: RollupDeltas): Promise<void> {
  await applyTable(db, 'hour', deltas.hour);
  await applyTable(db, 'day', deltas.day);
}

async function applyTable(
  db: Db,
  size: BucketSize,
  deltas: ReadonlyMap<string, RollupDelta>,
): Promise<void> {
  if (deltas.size === 0) return;
  const table = ROLLUP_TABLES[size] as 'rollup_hour';
  const buckets = [...new Set([...deltas.values()].map((delta) => delta.bucket))];
  const existing = new Map<string, RollupTable>();
  for (const slice of chunks(buckets, 500)) {
    const rows = await db.selectFrom(table).selectAll().where('bucket', 'in', slice).execute();
    for (const row of rows) {
      existing.set(rollupKey(row.bucket, row.has_agent, row.agent, row.has_model, row.model), row);
    }
  }
  const upserts: RollupTable[] = [];
  const deletes: RollupDelta[] = [];
  const stale: RollupTable[] = [];
  for (const [key, delta] of deltas) {
    const row = existing.get(key);
    const calls = (row?.calls ?? 0) + delta.calls;
    if (calls <= 0) {
      if (row) deletes.push(delta);
      continue;
    }
    const sketch = LatencySketch.decode(row?.bins);
    sketch.merge(delta.sketch);
    let maxStart = row?.max_start ?? Number.NEGATIVE_INFINITY;
    const lostMax =
      delta.removedMax !== null &&
      delta.removedMax >= maxStart &&
      (delta.addedMax === null || delta.addedMax < delta.removedMax);
    if (delta.addedMax !== null) maxStart = Math.max(maxStart, delta.addedMax);
    const next: RollupTable = {
      bucket: delta.bucket,
      has_agent: delta.hasAgent,
      agent: delta.agent,
      has_model: delta.hasModel,
      model: delta.model,
      calls,
      generations: (row?.generations ?? 0) + delta.generations,
      errors: (row?.errors ?? 0) + delta.errors,
      cost: (row?.cost ?? 0) + delta.cost,
      tokens_input: (row?.tokens_input ?? 0) + delta.tokensInput,
      tokens_output: (row?.tokens_output ?? 0) + delta.tokensOutput,
      tokens_total: (row?.tokens_total ?? 0) + delta.tokensTotal,
      latency_count: (row?.latency_count ?? 0) + delta.latencyCount,
      latency_sum: (row?.latency_sum ?? 0) + delta.latencySum,
      max_start: Number.isFinite(maxStart) ? maxStart : 0,
      bins: sketch.encode(),
    };
    if (lostMax) stale.push(next);
    upserts.push(next);
  }
  for (const row of stale) row.max_start = await readMaxStart(db, size, row);
  await (size === 'hour' ? upsertHour : upsertDay)(db, upserts);
  for (const delta of deletes) {
    await db
      .deleteFrom(table)
      .where('bucket', '=', delta.bucket)
      .where('has_agent', '=', delta.hasAgent)
      .where('agent', '=', delta.agent)
      .where('has_model', '=', delta.hasModel)
      .where('model', '=', delta.model)
      .execute();
  }
}

/** The latest start time of a rollup row's observations, read from the observations themselves. */
async function readMaxStart(db: Db, size: BucketSize, row: RollupTable): Promise<number> {
  let query = db
    .selectFrom('observations')
    .select((eb) => eb.fn.max('start_time').as('latest'))
    .where('start_time', '>=', row.bucket)
    .where('start_time', '<', row.bucket + widthOf(size));
  query =
    row.has_agent === 1 ? query.where('name', '=', row.agent) : query.where('name', 'is', null);
  query =
    row.has_model === 1 ? query.where('model', '=', row.model) : query.where('model', 'is', null);
  const result = await query.executeTakeFirst();
  return result?.latest ?? 0;
}
