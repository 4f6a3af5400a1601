import { latencyBucketIndex } from '@cupid-dashboard/core';
import { type Kysely, sql } from 'kysely';
import { addAllFactRollups } from '../rollups/fact-rollups';
import type { StoreSchema } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

const text = sql`text collate "C"`;

/** Creates one size's fact rollup and its latency sketch counts. */
async function createFactTables(db: AnyDb, size: 'hour' | 'day'): Promise<void> {
  const key = ['bucket', 'has_agent', 'agent', 'has_model', 'model'];
  let facts = db.schema
    .createTable(`fact_${size}`)
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('has_agent', 'boolean', (c) => c.notNull())
    .addColumn('agent', text, (c) => c.notNull())
    .addColumn('has_model', 'boolean', (c) => c.notNull())
    .addColumn('model', text, (c) => c.notNull());
  for (const column of ['calls', 'generations', 'errors', 'latency_count']) {
    facts = facts.addColumn(column, 'bigint', (c) => c.notNull());
  }
  for (const column of ['cost', 'tokens_input', 'tokens_output', 'tokens_total', 'latency_sum']) {
    facts = facts.addColumn(column, 'float8', (c) => c.notNull());
  }
  await facts.addPrimaryKeyConstraint(`fact_${size}_pk`, key as never).execute();
  await createBinTable(db, size);
}

/**
 * Creates one size's latency sketch counts per bucket × agent (what `addAllFactRollups` fills:
 * databases migrated before sketches lost their model get this shape in `0005`).
 */
export async function createBinTable(db: AnyDb, size: 'hour' | 'day'): Promise<void> {
  await db.schema
    .createTable(`fact_${size}_bins`)
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('has_agent', 'boolean', (c) => c.notNull())
    .addColumn('agent', text, (c) => c.notNull())
    .addColumn('bin', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint(`fact_${size}_bins_pk`, ['bucket', 'has_agent', 'agent', 'bin'])
    .execute();
}

/**
 * Fact rollups per UTC hour and day × agent × model, with latency sketches, so agents, models and
 * the dashboard add up a few rollup rows instead of every observation in range. Observations get
 * their sketch bin; the rollups are filled from what is already stored.
 */
export async function addFactRollups(db: AnyDb): Promise<void> {
  await db.schema.alterTable('observations').addColumn('latency_bin', 'integer').execute();
  const timed = await db
    .selectFrom('observations')
    .select(['id', 'latency_ms'])
    .where('latency_ms', 'is not', null)
    .execute();
  const ids = timed.map((row) => row.id as string);
  const bins = timed.map((row) => latencyBucketIndex(Number(row.latency_ms)));
  if (ids.length > 0) {
    await db
      .updateTable('observations')
      .from(
        sql`(select unnest(${ids}::text[]) as id, unnest(${bins}::integer[]) as bin)`.as('binned'),
      )
      .set({ latency_bin: sql.ref('binned.bin') })
      .whereRef('observations.id', '=', sql.ref('binned.id'))
      .execute();
  }
  await createFactTables(db, 'hour');
  await createFactTables(db, 'day');
  await addAllFactRollups(db as unknown as Kysely<StoreSchema>);
}
