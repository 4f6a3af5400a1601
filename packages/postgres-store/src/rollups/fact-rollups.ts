import { BUCKET_MS, type BucketSize } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';

/** The rollup tables of one bucket size. */
export const FACT_TABLES = {
  hour: { facts: 'fact_hour', bins: 'fact_hour_bins' },
  day: { facts: 'fact_day', bins: 'fact_day_bins' },
} as const;

/** Which observation rows a shift adds up: these ids, or every row (a rebuild). */
export type RowSelection = readonly string[] | 'all';

/** The additive columns of a fact rollup row. */
const SUMS = [
  'calls',
  'generations',
  'errors',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'latency_count',
  'latency_sum',
] as const;

/** The key of a fact rollup row: UTC bucket, agent and model (null kept apart from ''). */
const KEY = ['bucket', 'has_agent', 'agent', 'has_model', 'model'] as const;

function bucketOf(column: 'start_time', size: BucketSize) {
  const width = BUCKET_MS[size];
  return sql<number>`(floor(${sql.ref(column)}::float8 / ${width}) * ${width})::bigint`;
}

/** The observations of a selection (the primary key looks each id up). */
function selected(db: Db, rows: RowSelection) {
  const query = db.selectFrom('observations');
  return rows === 'all' ? query : query.where(sql<boolean>`id = any(${rows})`);
}

/**
 * Adds (`sign` 1) or subtracts (`sign` -1) the selected observations to the hourly and daily
 * fact rollups and their latency sketches, in SQL: one `INSERT … SELECT … GROUP BY … ON CONFLICT
 * DO UPDATE` of additive deltas per table. Sketches are counts per `latency_bin` (core's
 * `latencyBucketIndex`, stored on each row), so they merge by adding counts too. A batch subtracts
 * the stored versions it replaces, writes the new ones, then adds them; rows left empty are deleted.
 */
export async function shiftFactRollups(db: Db, rows: RowSelection, sign: 1 | -1): Promise<void> {
  if (rows !== 'all' && rows.length === 0) return;
  for (const size of ['hour', 'day'] as const) {
    await shiftFacts(db, size, rows, sign);
    await shiftBins(db, size, rows, sign);
  }
}

async function shiftFacts(db: Db, size: BucketSize, rows: RowSelection, sign: 1 | -1) {
  const table = FACT_TABLES[size].facts as 'fact_hour';
  const source = selected(db, rows)
    .select([
      bucketOf('start_time', size).as('bucket'),
      sql<boolean>`name is not null`.as('has_agent'),
      sql<string>`coalesce(name, '')`.as('agent'),
      sql<boolean>`model is not null`.as('has_model'),
      sql<string>`coalesce(model, '')`.as('model'),
      sql<number>`${sign} * count(*)`.as('calls'),
      sql<number>`${sign} * count(*) filter (where type = 'GENERATION')`.as('generations'),
      sql<number>`${sign} * count(*) filter (where is_error)`.as('errors'),
      sql<number>`${sign} * sum(cost)`.as('cost'),
      sql<number>`${sign} * sum(tokens_input)`.as('tokens_input'),
      sql<number>`${sign} * sum(tokens_output)`.as('tokens_output'),
      sql<number>`${sign} * sum(tokens_total)`.as('tokens_total'),
      sql<number>`${sign} * count(latency_ms)`.as('latency_count'),
      sql<number>`${sign} * coalesce(sum(latency_ms), 0)`.as('latency_sum'),
    ])
    .groupBy(sql`1, 2, 3, 4, 5`);
  const emptied = await db
    .insertInto(table)
    .columns([...KEY, ...SUMS])
    .expression(source)
    .onConflict((conflict) =>
      conflict
        .columns([...KEY])
        .doUpdateSet(
          Object.fromEntries(
            SUMS.map((column) => [
              column,
              sql`${sql.ref(`${table}.${column}`)} + excluded.${sql.ref(column)}`,
            ]),
          ),
        ),
    )
    .returning(['bucket', 'calls'])
    .execute();
  const empty = emptied.filter((row) => Number(row.calls) === 0).map((row) => row.bucket);
  if (empty.length > 0) {
    await db
      .deleteFrom(table)
      .where('calls', '=', 0)
      .where(sql<boolean>`bucket = any(${empty})`)
      .execute();
  }
}

async function shiftBins(db: Db, size: BucketSize, rows: RowSelection, sign: 1 | -1) {
  const table = FACT_TABLES[size].bins as 'fact_hour_bins';
  const source = selected(db, rows)
    .where('latency_bin', 'is not', null)
    .select([
      bucketOf('start_time', size).as('bucket'),
      sql<boolean>`name is not null`.as('has_agent'),
      sql<string>`coalesce(name, '')`.as('agent'),
      sql<boolean>`model is not null`.as('has_model'),
      sql<string>`coalesce(model, '')`.as('model'),
      sql<number>`latency_bin`.as('bin'),
      sql<number>`${sign} * count(*)`.as('count'),
    ])
    .groupBy(sql`1, 2, 3, 4, 5, 6`);
  const emptied = await db
    .insertInto(table)
    .columns([...KEY, 'bin', 'count'])
    .expression(source)
    .onConflict((conflict) =>
      conflict
        .columns([...KEY, 'bin'])
        .doUpdateSet({ count: sql`${sql.ref(`${table}.count`)} + excluded.count` }),
    )
    .returning(['bucket', 'count'])
    .execute();
  const empty = emptied.filter((row) => Number(row.count) === 0).map((row) => row.bucket);
  if (empty.length > 0) {
    await db
      .deleteFrom(table)
      .where('count', '=', 0)
      .where(sql<boolean>`bucket = any(${empty})`)
      .execute();
  }
}
