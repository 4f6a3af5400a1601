import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * Latency sketches as one row per bucket × agent (`bins`: JSON object of bin → count) instead of
 * one row per bin: a month of agents' sketches is a few hundred rows to read instead of tens of
 * thousands; and one more sketch per bucket over all agents, for the dashboard's series. The new
 * rows are made from the old ones, which are then dropped.
 */
export async function keepSketchesAsRows(db: AnyDb): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    const table = `fact_${size}_sketch`;
    await db.schema
      .createTable(table)
      .addColumn('bucket', 'bigint', (c) => c.notNull())
      .addColumn('has_agent', 'boolean', (c) => c.notNull())
      .addColumn('agent', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addColumn('bins', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['bucket', 'has_agent', 'agent'])
      .execute();
    await db
      .insertInto(table)
      .columns(['bucket', 'has_agent', 'agent', 'count', 'bins'])
      .expression(
        db
          .selectFrom(`fact_${size}_bins`)
          .select([
            'bucket',
            'has_agent',
            'agent',
            sql`sum(count)`.as('count'),
            sql`jsonb_object_agg(bin, count)`.as('bins'),
          ])
          .groupBy(['bucket', 'has_agent', 'agent']),
      )
      .execute();
    await db.schema
      .createTable(`${table}_all`)
      .addColumn('bucket', 'bigint', (c) => c.primaryKey())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addColumn('bins', 'jsonb', (c) => c.notNull())
      .execute();
    await db
      .insertInto(`${table}_all`)
      .columns(['bucket', 'count', 'bins'])
      .expression(
        db
          .selectFrom(
            db
              .selectFrom(`fact_${size}_bins`)
              .select(['bucket', 'bin', sql`sum(count)`.as('count')])
              .groupBy(['bucket', 'bin'])
              .as('per_bin'),
          )
          .select([
            'bucket',
            sql`sum(count)`.as('count'),
            sql`jsonb_object_agg(bin, count)`.as('bins'),
          ])
          .groupBy('bucket'),
      )
      .execute();
    await db.schema.dropTable(`fact_${size}_bins`).execute();
  }
}
