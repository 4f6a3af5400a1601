import { BUCKET_MS, type BucketSize } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { addToRollup, type RollupDeltas, type RollupTarget } from './rollup-upsert';

/**
 * The latency sketch tables of each bucket size: one row per bucket × agent (`byAgent`), and one
 * per bucket over every agent (`all`).
 */
export const SKETCH_TABLES = {
  hour: { byAgent: 'fact_hour_sketch', all: 'fact_hour_sketch_all' },
  day: { byAgent: 'fact_day_sketch', all: 'fact_day_sketch_all' },
} as const;

/** Which sketches: per agent, or over every agent. */
export type SketchScope = keyof (typeof SKETCH_TABLES)['hour'];

const SKETCH_KEYS = { byAgent: ['bucket', 'has_agent', 'agent'], all: ['bucket'] } as const;

/**
 * Two sketches added bin by bin, bins that reach 0 left out: the stored row's `bins` and the
 * delta's (`excluded.bins`), as an `ON CONFLICT` update of one table sets it.
 */
function mergedBins(table: string) {
  return sql`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
    select k, sum(v::bigint) as n from (
      select key as k, value as v from jsonb_each_text(${sql.ref(`${table}.bins`)})
      union all select key, value from jsonb_each_text(excluded.bins)
    ) as parts group by k having sum(v::bigint) <> 0) as merged)`;
}

/**
 * A sketch table as an additive rollup: `count` adds up (a row whose count reaches 0 is
 * deleted), `bins` merges bin by bin.
 */
function sketchTarget(size: BucketSize, scope: SketchScope): RollupTarget {
  const table = SKETCH_TABLES[size][scope];
  return {
    table,
    key: SKETCH_KEYS[scope],
    sums: ['count', 'bins'],
    counted: 'count',
    set: { bins: mergedBins(table) },
  };
}

/**
 * Adds sketch deltas (rows of the scope's key, `count`, and `bins` as JSON text of bin → count)
 * to one size's table of one scope.
 */
export function addToSketches(
  db: Db,
  size: BucketSize,
  scope: SketchScope,
  deltas: RollupDeltas,
): Promise<void> {
  return addToRollup(db, sketchTarget(size, scope), deltas);
}

/**
 * Fills both sizes' sketches of both scopes from every stored observation with a latency bin (a
 * rebuild), in SQL: counts per key × bin, then one row per key.
 */
export async function addAllFactSketches(db: Db): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    for (const scope of ['byAgent', 'all'] as const) {
      await addToSketches(db, size, scope, sketchesOfObservations(db, size, scope));
    }
  }
}

function sketchesOfObservations(db: Db, size: BucketSize, scope: SketchScope) {
  const width = BUCKET_MS[size];
  const agentColumns = [
    sql<boolean>`name is not null`.as('has_agent'),
    sql<string>`coalesce(name, '')`.as('agent'),
  ];
  const perBin = db
    .selectFrom('observations')
    .where('latency_bin', 'is not', null)
    .select([
      sql<number>`(floor(start_time::float8 / ${width}) * ${width})::bigint`.as('bucket'),
      ...(scope === 'byAgent' ? agentColumns : []),
      sql<number>`latency_bin`.as('bin'),
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy(scope === 'byAgent' ? sql`1, 2, 3, 4` : sql`1, 2`);
  return db
    .selectFrom(perBin.as('per_bin'))
    .select([
      ...SKETCH_KEYS[scope].map((column) => sql.ref(column).as(column)),
      sql<number>`sum(n)`.as('count'),
      sql<string>`jsonb_object_agg(bin, n)`.as('bins'),
    ])
    .groupBy(SKETCH_KEYS[scope].map((column) => sql.ref(column)));
}
