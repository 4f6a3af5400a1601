import { BUCKET_MS, type BucketSize } from '@cupid-dashboard/core';
import { ROLLUP_KEY, ROLLUP_SUMS, ROLLUP_TOTAL_COLUMNS } from '../db/columns';
import type { RollupTable, RollupTotalTable } from '../db/schema';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';
import { type RollupDelta, type RollupDeltas, rollupKey } from './rollup-deltas';
import { type RollupTarget, writeRollupDeltas } from './rollup-writer';

const PER_AGENT_COLUMNS = [...ROLLUP_TOTAL_COLUMNS, 'bins'] as const;
const TOTAL_COLUMNS = ['bucket', ...ROLLUP_SUMS, 'bins'] as const;

/** The four observation rollups: per agent × model and across them, hourly and daily. */
const ROLLUPS = [
  { size: 'hour', deltas: 'hour', target: perAgent('rollup_hour') },
  { size: 'day', deltas: 'day', target: perAgent('rollup_day') },
  { size: 'hour', deltas: 'totalHour', target: total('rollup_total_hour') },
  { size: 'day', deltas: 'totalDay', target: total('rollup_total_day') },
] as const satisfies ReadonlyArray<{
  size: BucketSize;
  deltas: keyof RollupDeltas;
  target: RollupTarget<'rollup_hour'> | RollupTarget<'rollup_total_hour'>;
}>;

function perAgent(table: 'rollup_hour' | 'rollup_day'): RollupTarget<'rollup_hour'> {
  return { table: table as 'rollup_hour', key: ROLLUP_KEY, columns: PER_AGENT_COLUMNS };
}

function total(table: 'rollup_total_hour' | 'rollup_total_day'): RollupTarget<'rollup_total_hour'> {
  return { table: table as 'rollup_total_hour', key: ['bucket'], columns: TOTAL_COLUMNS };
}

/** A stored row of either kind; a row across agents has no agent or model columns. */
type StoredRollup = RollupTotalTable & Partial<RollupTable>;

/**
 * Writes a batch's observation rollup changes through the shared delta writer; a row whose
 * latest start was removed (and not matched by one added) has its maximum read again.
 */
export async function applyRollupDeltas(db: Db, deltas: RollupDeltas): Promise<void> {
  for (const { size, target, ...rollup } of ROLLUPS) {
    const lost = new Set<StoredRollup>();
    const acrossAgents = target.key.length === 1;
    await writeRollupDeltas(
      db,
      target as RollupTarget<'rollup_total_hour'>,
      deltas[rollup.deltas],
      (row: StoredRollup) =>
        rollupKey(
          row.bucket,
          row.has_agent ?? 0,
          row.agent ?? '',
          row.has_model ?? 0,
          row.model ?? '',
        ),
      (row, delta) => {
        const next = addRollupDelta(row as RollupTable | undefined, delta);
        if (next && lostMaxStart(row, delta)) lost.add(next);
        return next;
      },
      async (rows) => {
        for (const row of rows) {
          if (lost.has(row)) row.max_start = await readMaxStart(db, size, row, !acrossAgents);
        }
      },
    );
  }
}

/**
 * A rollup row after adding a delta (counts, sums, tokens, cost and sketch counts are all
 * additive); null when no calls are left. `max_start` only grows here: see {@link lostMaxStart}.
 *
 * @example
 * addRollupDelta(undefined, delta); // a new row with the delta's totals
 */
export function addRollupDelta(
  row: RollupTable | undefined,
  delta: RollupDelta,
): RollupTable | null {
  const calls = (row?.calls ?? 0) + delta.calls;
  if (calls <= 0) return null;
  const sketch = LatencySketch.decode(row?.bins);
  sketch.merge(delta.sketch);
  const maxStart = Math.max(
    row?.max_start ?? Number.NEGATIVE_INFINITY,
    delta.addedMax ?? Number.NEGATIVE_INFINITY,
  );
  return {
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
}

/**
 * Whether a delta may have removed a row's latest start: it removed a version starting at or
 * after the stored maximum, and added none at least as late. Then the maximum must be read again.
 *
 * @example
 * lostMaxStart({ max_start: 100, ... }, { removedMax: 100, addedMax: null, ... }); // true
 * lostMaxStart({ max_start: 100, ... }, { removedMax: 100, addedMax: 100, ... }); // false
 */
export function lostMaxStart(
  row: Pick<RollupTable, 'max_start'> | undefined,
  delta: Pick<RollupDelta, 'addedMax' | 'removedMax'>,
): boolean {
  const maxStart = row?.max_start ?? Number.NEGATIVE_INFINITY;
  return (
    delta.removedMax !== null &&
    delta.removedMax >= maxStart &&
    (delta.addedMax === null || delta.addedMax < delta.removedMax)
  );
}

/**
 * The latest start time of a rollup row's observations, read from the observations themselves
 * (of the row's agent and model when `perAgent`, else of every one in the bucket).
 */
async function readMaxStart(
  db: Db,
  size: BucketSize,
  row: StoredRollup,
  perAgent: boolean,
): Promise<number> {
  let query = db
    .selectFrom('observations')
    .select((eb) => eb.fn.max('start_time').as('latest'))
    .where('start_time', '>=', row.bucket)
    .where('start_time', '<', row.bucket + BUCKET_MS[size]);
  if (perAgent) {
    query =
      row.has_agent === 1
        ? query.where('name', '=', row.agent ?? '')
        : query.where('name', 'is', null);
    query =
      row.has_model === 1
        ? query.where('model', '=', row.model ?? '')
        : query.where('model', 'is', null);
  }
  const result = await query.executeTakeFirst();
  return result?.latest ?? 0;
}
