import {
  addScoreFollowTables,
  addSessionAggColumns,
  addTraceKeyColumns,
  type ColumnTypes,
  createDataVersionTable,
  createScoreIndexes,
  createSyncTables,
  scoreHourTable,
  scoresTable,
  scoreValueHourTable,
} from '@cupid-dashboard/sql-store';
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { chunks } from '../chunks';
import { rollupTotals } from './migration-rollup-totals';
import type { StoreSchema } from './schema';
import { searchGrams } from './search-grams';

/** The shared tables' column types: SQLite's affinities. */
const TYPES: ColumnTypes = {
  key: 'text',
  time: 'integer',
  int: 'integer',
  real: 'real',
};

/**
 * The store's schema as ordered migrations. Column order matters for speed: the small columns
 * the rollups read come first, the large JSON columns last, so reading aggregates never touches
 * overflow pages.
 */
const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('traces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .$call((table) => addTraceKeyColumns(table, TYPES))
      .addColumn('name', 'text')
      .addColumn('release', 'text')
      .addColumn('version', 'text')
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('input', 'text')
      .addColumn('output', 'text')
      .addColumn('metadata', 'text')
      .execute();
    await db.schema.createIndex('traces_session').on('traces').column('session_id').execute();

    await db.schema
      .createTable('observations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trace_id', 'text')
      .addColumn('session_id', 'text')
      .addColumn('eff_session_id', 'text')
      .addColumn('user_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('model', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('start_time', 'integer', (c) => c.notNull())
      .addColumn('end_time', 'integer')
      .addColumn('updated_at', 'integer')
      .addColumn('chapter', 'integer')
      .addColumn('cost', 'real', (c) => c.notNull())
      .addColumn('tokens_input', 'real', (c) => c.notNull())
      .addColumn('tokens_output', 'real', (c) => c.notNull())
      .addColumn('tokens_total', 'real', (c) => c.notNull())
      .addColumn('latency_ms', 'real')
      .addColumn('is_error', 'integer', (c) => c.notNull())
      .addColumn('status_message', 'text')
      .addColumn('parent_observation_id', 'text')
      .addColumn('completion_start_time', 'integer')
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('total_cost', 'real')
      .addColumn('usage_details', 'text', (c) => c.notNull())
      .addColumn('cost_details', 'text', (c) => c.notNull())
      .addColumn('metadata', 'text')
      .addColumn('input', 'text')
      .addColumn('output', 'text')
      .execute();
    // Session aggregates and conversations read a session's observations.
    await db.schema
      .createIndex('observations_session')
      .on('observations')
      .column('eff_session_id')
      .execute();
    // Re-linking reads the observations that follow their trace's session. Only those without a
    // session of their own are indexed: a full trace index costs a random page write per trace.
    await db.schema
      .createIndex('observations_unlinked')
      .on('observations')
      .column('trace_id')
      .where(sql.ref('session_id'), 'is', null)
      .execute();
    // The partial hours at the edges of a range are read raw, from this covering index alone.
    await db.schema
      .createIndex('observations_start')
      .on('observations')
      .columns([
        'start_time',
        'name',
        'model',
        'type',
        'is_error',
        'cost',
        'tokens_input',
        'tokens_output',
        'tokens_total',
        'latency_ms',
      ])
      .execute();
    // Recent errors of an agent; errors are few, so the partial index is small.
    await db.schema
      .createIndex('observations_errors')
      .on('observations')
      .columns(['name', 'start_time'])
      .where(sql.ref('is_error'), '=', 1)
      .execute();

    await db.schema
      .createTable('session_agg')
      .addColumn('rowid', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .$call((table) => addSessionAggColumns(table, TYPES))
      .addColumn('first_calls', 'text', (c) => c.notNull())
      .execute();
    // Covers the session statistics and dashboard scans (no table lookups per session).
    await db.schema
      .createIndex('session_agg_started')
      .on('session_agg')
      .columns([
        'started_at',
        'chapter_reached',
        'error_count',
        'last_activity_at',
        'duration_ms',
        'cost',
        'tokens_input',
        'tokens_output',
        'tokens_total',
        'user_id',
      ])
      .execute();
    // Active sessions (the only status that depends on the clock) are the recently active ones.
    await db.schema
      .createIndex('session_agg_activity')
      .on('session_agg')
      .columns(['last_activity_at', 'started_at', 'chapter_reached', 'error_count'])
      .execute();
    // The exact median duration walks this index.
    await db.schema
      .createIndex('session_agg_duration')
      .on('session_agg')
      .columns(['duration_ms', 'started_at'])
      .execute();
    await db.schema
      .createIndex('session_agg_user')
      .on('session_agg')
      .columns(['user_id', 'started_at'])
      .execute();
    await sql`create virtual table session_fts using fts5(ident, body, tokenize = 'trigram case_sensitive 1')`.execute(
      db,
    );

    // Keyed by time: first calls arrive in time order (appends), and the partial hours at the
    // edges of a range count them by a key-range scan. A session's rows are found through the
    // copy in its `session_agg.first_calls`.
    await db.schema
      .createTable('agent_first')
      .addColumn('first_start', 'integer', (c) => c.notNull())
      .addColumn('agent', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('agent_first_pk', ['first_start', 'agent', 'session_id'])
      .modifyEnd(sql`without rowid`)
      .execute();

    await db.schema
      .createTable('trace_agg')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_ts', 'integer')
      .addColumn('first_start', 'integer')
      .addColumn('last_end', 'integer')
      .addColumn('obs_count', 'integer', (c) => c.notNull())
      .addColumn('timestamp', 'integer', (c) => c.notNull())
      .addColumn('latency_ms', 'real')
      .execute();
    await db.schema
      .createIndex('trace_agg_time')
      .on('trace_agg')
      .columns(['timestamp', 'latency_ms'])
      .execute();

    for (const table of ['rollup_hour', 'rollup_day']) {
      await db.schema
        .createTable(table)
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('has_agent', 'integer', (c) => c.notNull())
        .addColumn('agent', 'text', (c) => c.notNull())
        .addColumn('has_model', 'integer', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addColumn('generations', 'integer', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('cost', 'real', (c) => c.notNull())
        .addColumn('tokens_input', 'real', (c) => c.notNull())
        .addColumn('tokens_output', 'real', (c) => c.notNull())
        .addColumn('tokens_total', 'real', (c) => c.notNull())
        .addColumn('latency_count', 'integer', (c) => c.notNull())
        .addColumn('latency_sum', 'real', (c) => c.notNull())
        .addColumn('max_start', 'integer', (c) => c.notNull())
        .addColumn('bins', 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, [
          'bucket',
          'has_agent',
          'agent',
          'has_model',
          'model',
        ])
        .modifyEnd(sql`without rowid`)
        .execute();
      // No index by agent: one agent's rows over a range are a bucket-range scan of a few
      // hundred rows, and a second index would add pages to every write.
    }
    for (const table of ['agent_sessions_hour', 'agent_sessions_day']) {
      await db.schema
        .createTable(table)
        .addColumn('bucket', 'integer', (c) => c.notNull())
        .addColumn('agent', 'text', (c) => c.notNull())
        .addColumn('sessions', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, ['bucket', 'agent'])
        .modifyEnd(sql`without rowid`)
        .execute();
    }
    for (const table of ['session_hour', 'session_day']) {
      await db.schema
        .createTable(table)
        .addColumn('bucket', 'integer', (c) => c.primaryKey())
        .addColumn('sessions', 'integer', (c) => c.notNull())
        .addColumn('duration_sum', 'real', (c) => c.notNull())
        .addColumn('cost', 'real', (c) => c.notNull())
        .addColumn('tokens_input', 'real', (c) => c.notNull())
        .addColumn('tokens_output', 'real', (c) => c.notNull())
        .addColumn('tokens_total', 'real', (c) => c.notNull())
        .addColumn('chapters', 'text', (c) => c.notNull())
        .execute();
    }
    for (const table of ['trace_hour', 'trace_day']) {
      await db.schema
        .createTable(table)
        .addColumn('bucket', 'integer', (c) => c.primaryKey())
        .addColumn('traces', 'integer', (c) => c.notNull())
        .addColumn('latency_count', 'integer', (c) => c.notNull())
        .addColumn('latency_sum', 'real', (c) => c.notNull())
        .execute();
    }

    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await createSyncTables(db, TYPES);
  },
};

/**
 * The data version: one row, bumped by every write transaction that may change an answer (see
 * `readDataVersion`), so caches in every process sharing the file see a commit. The random
 * id keeps a new file's versions from ever matching an old one's.
 */
const dataVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await createDataVersionTable(db, TYPES);
  },
};

/**
 * The distinct characters and the pair bitmap of each session's search text (see
 * `db/search-grams.ts`), which answer searches of one or two characters; filled from the stored
 * search text, a thousand sessions at a time.
 */
const sessionGrams: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('session_chars')
      .addColumn('rowid', 'integer', (c) => c.primaryKey())
      .addColumn('chars', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('session_pairs')
      .addColumn('rowid', 'integer', (c) => c.primaryKey())
      .addColumn('pairs', 'blob', (c) => c.notNull())
      .execute();
    const typed = db as unknown as Kysely<StoreSchema>;
    for (let after = -1; ; ) {
      const rows = await typed
        .selectFrom('session_fts')
        .select(['rowid', 'ident', 'body'])
        .where('rowid', '>', after)
        .orderBy('rowid')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.rowid as number;
      const grams = rows.map((row) => ({
        rowid: row.rowid,
        ...searchGrams([row.ident, row.body]),
      }));
      for (const slice of chunks(grams, 200)) {
        await typed
          .insertInto('session_chars')
          .values(slice.map(({ rowid, chars }) => ({ rowid, chars })))
          .execute();
        await typed
          .insertInto('session_pairs')
          .values(slice.map(({ rowid, pairs }) => ({ rowid, pairs })))
          .execute();
      }
    }
  },
};

/**
 * Langfuse scores: the records (each with its effective session, kept current as traces arrive)
 * and their hourly rollups per name, data type and source (counts, sums, score sketch) and per
 * name and value (counts of BOOLEAN and CATEGORICAL values).
 */
/**
 * The score rollups that follow later writes (see sql-store's `addScoreFollowTables`): each
 * score's agent and model, the hourly breakdowns by them and the per-session means.
 */
const scoreFollows: Migration = {
  async up(db: Kysely<unknown>) {
    await addScoreFollowTables(db, TYPES, (table) => table.modifyEnd(sql`without rowid`));
  },
};

const scores: Migration = {
  async up(db: Kysely<unknown>) {
    await scoresTable(db, TYPES).execute();
    await createScoreIndexes(db);
    await scoreHourTable(db, TYPES)
      .addColumn('bins', 'blob', (c) => c.notNull())
      .modifyEnd(sql`without rowid`)
      .execute();
    await scoreValueHourTable(db, TYPES).modifyEnd(sql`without rowid`).execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001_initial': initial,
  '0002_data_version': dataVersion,
  '0003_session_grams': sessionGrams,
  '0004_scores': scores,
  '0005_rollup_totals': rollupTotals,
  '0006_score_follows': scoreFollows,
});

/** Hands Kysely's `Migrator` the migrations defined in code (no files to ship or find). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
