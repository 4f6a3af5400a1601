import type { BucketSize } from '@cupid-dashboard/core';
import { type Expression, sql } from 'kysely';
import type { FactBinTable, FactRollupTable } from '../db/schema';
import type { Db } from '../db/types';

/** The rollup tables of one bucket size. */
export const FACT_TABLES = {
  hour: { facts: 'fact_hour', bins: 'fact_hour_bins' },
  day: { facts: 'fact_day', bins: 'fact_day_bins' },
} as const;

/** The key of a fact rollup row: UTC bucket, agent and model (null kept apart from ''). */
export const FACT_KEY = ['bucket', 'has_agent', 'agent', 'has_model', 'model'] as const;

/** The additive columns of a fact rollup row. */
export const FACT_SUMS = [
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

/** Which rollup table: one size's facts, or its latency sketch counts. */
export interface RollupTable {
  size: BucketSize;
  kind: 'facts' | 'bins';
}

/** Delta rows, or a select producing them with the table's key and additive columns. */
export type RollupDeltas =
  | readonly FactRollupTable[]
  | readonly FactBinTable[]
  | Expression<FactRollupTable | FactBinTable>;

/**
 * Adds delta rows to a rollup table: `INSERT … ON CONFLICT DO UPDATE SET column = column +
 * excluded.column`, then deletes the rows the deltas left without calls (or counts).
 */
export async function addToRollup(
  db: Db,
  target: RollupTable,
  deltas: RollupDeltas,
): Promise<void> {
  if (Array.isArray(deltas) && deltas.length === 0) return;
  const table = FACT_TABLES[target.size][target.kind] as 'fact_hour';
  const key = target.kind === 'facts' ? [...FACT_KEY] : [...FACT_KEY, 'bin'];
  const sums = target.kind === 'facts' ? [...FACT_SUMS] : ['count'];
  const counted = target.kind === 'facts' ? 'calls' : 'count';
  const insert = db.insertInto(table).columns([...key, ...sums] as never);
  const source = Array.isArray(deltas)
    ? insert.values(deltas as never)
    : insert.expression(deltas as Expression<FactRollupTable>);
  const written = await source
    .onConflict((conflict) =>
      conflict
        .columns(key as never)
        .doUpdateSet(
          Object.fromEntries(
            sums.map((column) => [
              column,
              sql`${sql.ref(`${table}.${column}`)} + excluded.${sql.ref(column)}`,
            ]),
          ),
        ),
    )
    .returning(['bucket', sql<string>`${sql.ref(counted)}`.as('counted')])
    .execute();
  const empty = written.filter((row) => Number(row.counted) === 0).map((row) => row.bucket);
  if (empty.length > 0) {
    await db
      .deleteFrom(table)
      .where(sql.ref(counted), '=', 0)
      .where(sql<boolean>`bucket = any(${empty})`)
      .execute();
  }
}
