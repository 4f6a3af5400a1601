import type { Kysely, Migration } from 'kysely';
import { chunks } from '../chunks';
import { LatencySketch } from '../sketch';
import { ROLLUP_SUMS } from './columns';
import type { RollupTotalTable, StoreSchema } from './schema';

/** The rollup tables across agents, each filled from the per-agent table of its bucket size. */
const TABLES = [
  { table: 'rollup_total_hour', from: 'rollup_hour' },
  { table: 'rollup_total_day', from: 'rollup_day' },
] as const;

/** Buckets read per slice while filling: a few dozen agent × model rows each. */
const BUCKET_SLICE = 200;

/**
 * Observation rollups across every agent and model, per hour and per day, so a dashboard's series
 * and KPIs read one row per bucket. A file written before them gets them from its per-agent
 * rollups (sums added in SQL would do, but the sketches can only be merged in JS).
 */
export const rollupTotals: Migration = {
  async up(db: Kysely<unknown>) {
    for (const { table } of TABLES) {
      let create = db.schema
        .createTable(table)
        .addColumn('bucket', 'integer', (c) => c.primaryKey());
      for (const column of ROLLUP_SUMS) {
        const real = column === 'cost' || column.startsWith('tokens_') || column === 'latency_sum';
        create = create.addColumn(column, real ? 'real' : 'integer', (c) => c.notNull());
      }
      await create.addColumn('bins', 'blob', (c) => c.notNull()).execute();
    }
    const typed = db as unknown as Kysely<StoreSchema>;
    for (const { table, from } of TABLES) await fillTotals(typed, table, from);
  },
};

/** Sums a per-agent rollup's rows bucket by bucket into its table across agents. */
async function fillTotals(
  db: Kysely<StoreSchema>,
  table: 'rollup_total_hour' | 'rollup_total_day',
  from: 'rollup_hour' | 'rollup_day',
): Promise<void> {
  const buckets = (
    await db.selectFrom(from).select('bucket').distinct().orderBy('bucket').execute()
  ).map((row) => row.bucket);
  for (const slice of chunks(buckets, BUCKET_SLICE)) {
    const rows = await db
      .selectFrom(from)
      .selectAll()
      .where('bucket', 'in', slice)
      .orderBy('bucket')
      .execute();
    const totals = new Map<number, { row: RollupTotalTable; sketch: LatencySketch }>();
    for (const row of rows) {
      let total = totals.get(row.bucket);
      if (!total) {
        total = { row: emptyTotal(row.bucket), sketch: new LatencySketch() };
        totals.set(row.bucket, total);
      }
      for (const column of ROLLUP_SUMS) {
        total.row[column] =
          column === 'max_start'
            ? Math.max(total.row.max_start, row.max_start)
            : total.row[column] + row[column];
      }
      total.sketch.merge(row.bins);
    }
    const filled = [...totals.values()].map(({ row, sketch }) => ({
      ...row,
      bins: sketch.encode(),
    }));
    for (const part of chunks(filled, 100)) await db.insertInto(table).values(part).execute();
  }
}

function emptyTotal(bucket: number): RollupTotalTable {
  const row = { bucket, bins: new Uint8Array() } as RollupTotalTable;
  for (const column of ROLLUP_SUMS) row[column] = 0;
  return row;
}
