import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

const text = sql`text collate "C"`;

/**
 * Langfuse scores: the records (each with its effective session, kept current as traces arrive)
 * and their hourly rollups per name — counts and sums per data type and source, sketch counts of
 * NUMERIC values, counts of BOOLEAN and CATEGORICAL values — and their row counter. There are no
 * scores yet to fill them from.
 */
export async function addScores(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('scores')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('value', 'float8')
    .addColumn('string_value', text)
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('trace_id', text)
    .addColumn('observation_id', text)
    .addColumn('session_id', text)
    .addColumn('eff_session_id', text)
    .addColumn('updated_at', 'bigint')
    .addColumn('comment', 'text')
    .addColumn('config_id', 'text')
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('sketch_bin', 'integer')
    .addColumn('counted_value', text)
    .execute();
  await db.schema
    .createIndex('scores_name_time')
    .on('scores')
    .columns(['name', 'timestamp'])
    .execute();
  await db.schema.createIndex('scores_trace').on('scores').column('trace_id').execute();
  await db.schema
    .createIndex('scores_session')
    .on('scores')
    .columns(['eff_session_id', 'name'])
    .execute();
  await db.schema
    .createTable('score_hour')
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('value_count', 'bigint', (c) => c.notNull())
    .addColumn('value_sum', 'float8', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_hour_pk', ['bucket', 'name', 'data_type', 'source'])
    .execute();
  await db.schema
    .createTable('score_hour_bins')
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('bin', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_hour_bins_pk', ['bucket', 'name', 'bin'])
    .execute();
  await db.schema
    .createTable('score_value_hour')
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('value', text, (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_value_hour_pk', ['bucket', 'name', 'value'])
    .execute();
  // Counted like the other records, from none: a rebuild sets the same row.
  await db.insertInto('counters').values({ name: 'scores', value: 0 }).execute();
}
