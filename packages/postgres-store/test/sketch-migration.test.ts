import { streamCupidDataset } from '@cupid-dashboard/core/testing';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBinTable } from '../src/db/migration-rollups';
import type { StoreSchema } from '../src/db/schema';
import { createPostgresStore } from '../src/index';
import { addAllFactBins } from '../src/rollups/fact-rollups';
import { freshSchema } from './support/schemas';
import { tableRows } from './support/tables';
import { undoScoreFollows } from './support/undo-score-follows';

const url = inject('postgresUrl');
const SKETCHES = {
  fact_hour_sketch: 'bucket, has_agent, agent',
  fact_day_sketch: 'bucket, has_agent, agent',
  fact_hour_sketch_all: 'bucket',
  fact_day_sketch_all: 'bucket',
} as const;

const client = new pg.Client({ connectionString: url });
beforeAll(() => client.connect());
afterAll(() => client.end());

const sketchRows = (schema: string) => tableRows(client, schema, SKETCHES);

async function sessionGrams(schema: string): Promise<{ id: string; grams: string[] }[]> {
  return (await client.query(`select id, grams from ${schema}.session_agg order by id`)).rows;
}

/**
 * Puts a schema back the way migration 0007 finds a database made before it: per-bin latency
 * counts (filled by the code the earlier migrations run), no sketch rows, 0007 and later not yet
 * run.
 */
async function backToPerBinCounts(schema: string): Promise<void> {
  const db = new Kysely<StoreSchema>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  }).withSchema(schema);
  try {
    for (const size of ['hour', 'day'] as const) await createBinTable(db, size);
    await addAllFactBins(db);
    for (const table of Object.keys(SKETCHES)) await db.schema.dropTable(table).execute();
    // And what came after 0007 undone, so the migrations run again in order from it.
    await undoScoreFollows(client, schema);
    await client.query(`drop index ${schema}.session_agg_grams`);
    await client.query(`alter table ${schema}.session_agg drop column grams`);
    await client.query(`delete from ${schema}.kysely_migration where name >= $1`, [
      '0007_sketch_rows',
    ]);
  } finally {
    await db.destroy();
  }
}

describe('migrations 0007 (sketch rows) and 0008 (short grams)', () => {
  it('turn stored per-bin counts into the sketch rows, and stored text into the grams, a rebuild writes', async () => {
    const schema = freshSchema();
    const first = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
    for (const chunk of streamCupidDataset({ sessions: 12, seed: 5 })) {
      await first.upsert({
        sessions: [chunk.session],
        traces: chunk.traces,
        observations: [...chunk.observations, ...chunk.lateUpdates],
      });
    }
    await first.close();
    await backToPerBinCounts(schema);

    const reopened = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
    try {
      const migrated = await sketchRows(schema);
      expect(migrated.fact_hour_sketch?.length).toBeGreaterThan(0);
      expect(migrated.fact_day_sketch_all?.length).toBeGreaterThan(0);
      const bins = await client.query(
        `select count(*)::int as n from information_schema.tables where table_schema = $1 and table_name like 'fact\\_%\\_bins'`,
        [schema],
      );
      expect(bins.rows[0].n).toBe(0);
      // Migration 0009: the grams are never sampled, so the planner keeps their index.
      const target = await client.query(
        `select attstattarget from pg_attribute where attrelid = $1::regclass and attname = 'grams'`,
        [`${schema}.session_agg`],
      );
      expect(target.rows[0].attstattarget).toBe(0);
      const grams = await sessionGrams(schema);
      expect(grams.some((row) => row.grams.length > 0)).toBe(true);
      await reopened.refresh('all');
      expect(await sketchRows(schema)).toEqual(migrated);
      // Migration 0008 filled the short grams as the writes do.
      expect(await sessionGrams(schema)).toEqual(grams);
    } finally {
      await reopened.close();
    }
  });
});
