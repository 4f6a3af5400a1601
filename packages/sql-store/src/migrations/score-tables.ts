import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types';

// The score migrations of both stores create these tables; each store adds its own columns (and
// its table options) to the builders returned before running them.

/**
 * The `scores` table's builder: one column per field of core's `ScoreColumns`, the effective
 * session (`session_id ?? trace.session_id`, kept current by the store) among them.
 */
export function scoresTable(db: Kysely<unknown>, types: ColumnTypes) {
  return db.schema
    .createTable('scores')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('name', types.key, (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('value', types.real)
    .addColumn('string_value', types.key)
    .addColumn('timestamp', types.time, (c) => c.notNull())
    .addColumn('trace_id', types.key)
    .addColumn('observation_id', types.key)
    .addColumn('session_id', types.key)
    .addColumn('eff_session_id', types.key)
    .addColumn('updated_at', types.time)
    .addColumn('comment', 'text')
    .addColumn('config_id', 'text')
    .addColumn('environment', 'text', (c) => c.notNull());
}

/**
 * Creates the indexes the score reads use: by name and time (rollup edges, `getScore`), by trace
 * (re-linking scores as traces move) and by effective session and name (session scores, filter).
 */
export async function createScoreIndexes(db: Kysely<unknown>): Promise<void> {
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
}

/**
 * The `score_hour` table's builder: per UTC hour × name × data type × source, the count, the
 * count of scores with a number and their sum. The store adds where it keeps the sketch counts.
 */
export function scoreHourTable(db: Kysely<unknown>, types: ColumnTypes) {
  return db.schema
    .createTable('score_hour')
    .addColumn('bucket', types.time, (c) => c.notNull())
    .addColumn('name', types.key, (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('count', types.time, (c) => c.notNull())
    .addColumn('value_count', types.time, (c) => c.notNull())
    .addColumn('value_sum', types.real, (c) => c.notNull())
    .addPrimaryKeyConstraint('score_hour_pk', ['bucket', 'name', 'data_type', 'source']);
}

/** The `score_value_hour` table's builder: BOOLEAN and CATEGORICAL counts per hour × name × value. */
export function scoreValueHourTable(db: Kysely<unknown>, types: ColumnTypes) {
  return db.schema
    .createTable('score_value_hour')
    .addColumn('bucket', types.time, (c) => c.notNull())
    .addColumn('name', types.key, (c) => c.notNull())
    .addColumn('value', types.key, (c) => c.notNull())
    .addColumn('count', types.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('score_value_hour_pk', ['bucket', 'name', 'value']);
}
