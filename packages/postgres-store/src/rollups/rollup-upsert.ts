import type { BucketSize } from '@cupid-dashboard/core';
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';

/** The fact rollup tables of one bucket size. */
export const FACT_TABLES = {
  hour: { facts: 'fact_hour', bins: 'fact_hour_bins' },
  day: { facts: 'fact_day', bins: 'fact_day_bins' },
} as const;

/** The key of a fact rollup row: UTC bucket, agent and model (null kept apart from ''). */
export const FACT_KEY = ['bucket', 'has_agent', 'agent', 'has_model', 'model'] as const;

/** The key of a latency sketch row: UTC bucket, agent and sketch bin (no query reads them by model). */
export const BIN_KEY = ['bucket', 'has_agent', 'agent', 'bin'] as const;

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

/** A rollup table: its key, its additive columns, and the count whose zero means "empty". */
export interface RollupTarget {
  table: keyof StoreSchema;
  key: readonly string[];
  sums: readonly string[];
  counted: string;
  /** Sums set another way than stored + delta (e.g. cleared of float residue); by column. */
  set?: Readonly<Record<string, RawBuilder<unknown>>>;
}

/** The fact rollup (`kind` facts) or latency sketch (`bins`) table of one size. */
export function factTarget(size: BucketSize, kind: 'facts' | 'bins'): RollupTarget {
  return kind === 'facts'
    ? { table: FACT_TABLES[size].facts, key: FACT_KEY, sums: FACT_SUMS, counted: 'calls' }
    : {
        table: FACT_TABLES[size].bins,
        key: BIN_KEY,
        sums: ['count'],
        counted: 'count',
      };
}

/** Delta rows, or a select producing them, with the target's key and additive columns. */
export type RollupDeltas = readonly Record<string, unknown>[] | Expression<unknown>;

/**
 * Adds delta rows to a rollup table: `INSERT … ON CONFLICT DO UPDATE SET column = column +
 * excluded.column`, then deletes the rows the deltas left without anything counted.
 */
export async function addToRollup(
  db: Db,
  target: RollupTarget,
  deltas: RollupDeltas,
): Promise<void> {
  if (Array.isArray(deltas) && deltas.length === 0) return;
  const table = target.table as 'fact_hour';
  const { key, sums, counted } = target;
  const insert = db.insertInto(table).columns([...key, ...sums] as never);
  const source = Array.isArray(deltas)
    ? insert.values(deltas as never)
    : insert.expression(deltas as never);
  const written = await source
    .onConflict((conflict) =>
      conflict
        .columns(key as never)
        .doUpdateSet(
          Object.fromEntries(
            sums.map((column) => [
              column,
              target.set?.[column] ??
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
