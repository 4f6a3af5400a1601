import {
  addScoreFollowTables,
  addSessionAggColumns,
  addTraceKeyColumns,
  createDataVersionTable,
  createSyncTables,
} from '@cupid-dashboard/sql-store';
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { TYPES, text } from './column-types';
import { addBucketRollups } from './migration-bucket-rollups';
import { addIncrementalAggregates } from './migration-incremental';
import { addFactRollups } from './migration-rollups';
import { addScores } from './migration-scores';
import { addShortGrams } from './migration-short-grams';
import { keepSketchesByAgent } from './migration-sketch-agents';
import { keepSketchesAsRows } from './migration-sketch-rows';
import { leaveGramsUnsampled } from './migration-unsampled-grams';

// Migrations see the database untyped: they create the tables the typed schema describes.
// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

async function createRecordTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('traces')
    .addColumn('id', text, (c) => c.primaryKey())
    .$call((table) => addTraceKeyColumns(table, TYPES))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('traces_session').on('traces').column('session_id').execute();
  await db.schema
    .createTable('observations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('trace_id', text)
    .addColumn('session_id', text)
    .addColumn('eff_session_id', text)
    .addColumn('user_id', text)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', text)
    .addColumn('model', text)
    .addColumn('start_time', 'bigint', (c) => c.notNull())
    .addColumn('end_time', 'bigint')
    .addColumn('updated_at', 'bigint')
    .addColumn('chapter', 'integer')
    .addColumn('cost', 'float8', (c) => c.notNull())
    .addColumn('tokens_input', 'float8', (c) => c.notNull())
    .addColumn('tokens_output', 'float8', (c) => c.notNull())
    .addColumn('tokens_total', 'float8', (c) => c.notNull())
    .addColumn('latency_ms', 'float8')
    .addColumn('is_error', 'boolean', (c) => c.notNull())
    .addColumn('status_message', 'text')
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('observations_start')
    .on('observations')
    .column('start_time')
    .execute();
  await db.schema
    .createIndex('observations_session')
    .on('observations')
    .column('eff_session_id')
    .execute();
  await db.schema.createIndex('observations_trace').on('observations').column('trace_id').execute();
  await db.schema
    .createIndex('observations_name_start')
    .on('observations')
    .columns(['name', 'start_time'])
    .execute();
}

async function createDerivedTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('session_agg')
    .addColumn('id', text, (c) => c.primaryKey())
    .$call((table) => addSessionAggColumns(table, TYPES))
    .addColumn('ident', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('session_agg_started')
    .on('session_agg')
    .column('started_at')
    .execute();
  // Trigram indexes make a substring search of three or more characters an index lookup.
  for (const column of ['ident', 'body']) {
    await db.schema
      .createIndex(`session_agg_${column}_trgm`)
      .on('session_agg')
      .using('gin')
      .expression(sql`${sql.ref(column)} gin_trgm_ops`)
      .execute();
  }
  await db.schema
    .createTable('agent_first')
    .addColumn('agent', text, (c) => c.notNull())
    .addColumn('session_id', text, (c) => c.notNull())
    .addColumn('first_start', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_first_pk', ['agent', 'session_id'])
    .execute();
  await db.schema
    .createIndex('agent_first_session')
    .on('agent_first')
    .column('session_id')
    .execute();
  await db.schema
    .createIndex('agent_first_start')
    .on('agent_first')
    .columns(['agent', 'first_start'])
    .execute();
  await db.schema
    .createTable('trace_agg')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('latency_ms', 'float8')
    .addColumn('cost', 'float8', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trace_agg_timestamp').on('trace_agg').column('timestamp').execute();
}

/**
 * The schema migrations, in order, as code. Kysely's `Migrator` runs the pending ones on open,
 * each in a transaction (PostgreSQL's DDL is transactional, so a failed one leaves nothing half
 * made).
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001_initial': {
    up: async (db: AnyDb) => {
      await createRecordTables(db);
      await createDerivedTables(db);
      await createSyncTables(db, TYPES);
      // The id tells this schema's versions from any other's, even after the same writes.
      await createDataVersionTable(db, TYPES);
    },
  },
  '0002_fact_rollups': { up: addFactRollups },
  '0003_incremental_aggregates': { up: addIncrementalAggregates },
  '0004_trace_and_first_call_rollups': { up: addBucketRollups },
  '0005_sketches_by_agent': { up: keepSketchesByAgent },
  '0006_scores': { up: addScores },
  '0007_sketch_rows': { up: keepSketchesAsRows },
  '0008_short_grams': { up: addShortGrams },
  '0009_unsampled_grams': { up: leaveGramsUnsampled },
  '0010_score_follows': { up: (db) => addScoreFollowTables(db, TYPES) },
});

/** Hands Kysely's `Migrator` the migrations above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
