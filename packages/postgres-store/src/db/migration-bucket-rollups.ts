import { type Kysely, sql } from 'kysely';
import { addAllBucketRollups } from '../rollups/bucket-rollups';
import type { StoreSchema } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * Hourly and daily rollups of traces (count, latency count and sum) and of each agent's first
 * calls (sessions), so the dashboard's trace figures and the agents' session counts add up a few
 * rollup rows instead of every trace or first call in range. Filled from what is stored.
 */
export async function addBucketRollups(db: AnyDb): Promise<void> {
  for (const size of ['hour', 'day']) {
    await db.schema
      .createTable(`trace_${size}`)
      .addColumn('bucket', 'bigint', (c) => c.primaryKey())
      .addColumn('traces', 'bigint', (c) => c.notNull())
      .addColumn('latency_count', 'bigint', (c) => c.notNull())
      .addColumn('latency_sum', 'float8', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable(`agent_first_${size}`)
      .addColumn('agent', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('bucket', 'bigint', (c) => c.notNull())
      .addColumn('sessions', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint(`agent_first_${size}_pk`, ['agent', 'bucket'])
      .execute();
  }
  await addAllBucketRollups(db as unknown as Kysely<StoreSchema>);
}
