import { BUCKET_MS, type BucketSize } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { addToRollup, factTarget } from './rollup-upsert';

function bucketOf(column: 'start_time', size: BucketSize) {
  const width = BUCKET_MS[size];
  return sql<number>`(floor(${sql.ref(column)}::float8 / ${width}) * ${width})::bigint`;
}

const KEY_COLUMNS = [
  sql<boolean>`name is not null`.as('has_agent'),
  sql<string>`coalesce(name, '')`.as('agent'),
  sql<boolean>`model is not null`.as('has_model'),
  sql<string>`coalesce(model, '')`.as('model'),
] as const;

/**
 * Adds every stored observation to the hourly and daily fact rollups and their per-bin latency
 * counts, as the migrations before `0007` keep them (`fact_*_bins`; a rebuild writes sketch rows
 * through `addAllFactSums` and `addAllFactSketches` instead).
 */
export async function addAllFactRollups(db: Db): Promise<void> {
  await addAllFactBins(db);
  await addAllFactSums(db);
}

/**
 * Adds every stored observation to the hourly and daily fact rollups (a rebuild, or filling the
 * rollups of an existing database), in SQL: one `INSERT … SELECT … GROUP BY … ON CONFLICT DO
 * UPDATE` of additive deltas per table. Upserts keep them current from the rows they write (see
 * `FactDeltas`).
 */
export async function addAllFactSums(db: Db): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    const facts = db
      .selectFrom('observations')
      .select([
        bucketOf('start_time', size).as('bucket'),
        ...KEY_COLUMNS,
        sql<number>`count(*)`.as('calls'),
        sql<number>`count(*) filter (where type = 'GENERATION')`.as('generations'),
        sql<number>`count(*) filter (where is_error)`.as('errors'),
        sql<number>`sum(cost)`.as('cost'),
        sql<number>`sum(tokens_input)`.as('tokens_input'),
        sql<number>`sum(tokens_output)`.as('tokens_output'),
        sql<number>`sum(tokens_total)`.as('tokens_total'),
        sql<number>`count(latency_ms)`.as('latency_count'),
        sql<number>`coalesce(sum(latency_ms), 0)`.as('latency_sum'),
      ])
      .groupBy(sql`1, 2, 3, 4, 5`);
    await addToRollup(db, factTarget(size, 'facts'), facts);
  }
}

/**
 * Fills the per-bin latency counts (`fact_*_bins`, dropped by migration `0007`) from every stored
 * observation: what migrations `0002` and `0005` do.
 */
export async function addAllFactBins(db: Db): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    const bins = db
      .selectFrom('observations')
      .where('latency_bin', 'is not', null)
      .select([
        bucketOf('start_time', size).as('bucket'),
        ...KEY_COLUMNS.slice(0, 2),
        sql<number>`latency_bin`.as('bin'),
        sql<number>`count(*)`.as('count'),
      ])
      .groupBy(sql`1, 2, 3, 4`);
    await addToRollup(db, factTarget(size, 'bins'), bins);
  }
}
