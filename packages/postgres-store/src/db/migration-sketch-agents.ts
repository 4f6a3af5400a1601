import { type Kysely, sql } from 'kysely';
import { addAllFactBins } from '../rollups/fact-rollups';
import { createBinTable } from './migration-rollups';
import type { StoreSchema } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * Latency sketches per bucket × agent instead of bucket × agent × model (no query reads
 * percentiles by model; a third of the rows to write and add up), and an index of each agent's
 * errors by time, so an agent's recent errors do not walk all its calls.
 */
export async function keepSketchesByAgent(db: AnyDb): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    await db.schema.dropTable(`fact_${size}_bins`).execute();
    await createBinTable(db, size);
  }
  await addAllFactBins(db as unknown as Kysely<StoreSchema>);
  await db.schema
    .createIndex('observations_agent_errors')
    .on('observations')
    .columns(['name', 'start_time'])
    .where(sql.ref('is_error'), '=', true)
    .execute();
}
