import type { CreateTableBuilder, Kysely } from 'kysely';
import {
  linkScoresToObservations,
  refreshScoreSessions,
  SCORE_GROUP_COLUMNS,
  SCORE_GROUP_KINDS,
  scoreGroupRows,
} from '../write/score-follows';
import type { ColumnTypes } from './column-types';

/** A store's last word on a table it creates (SQLite: `without rowid`). */
export type FinishTable = (
  table: CreateTableBuilder<string, never>,
) => CreateTableBuilder<string, never>;

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * The score rollups that follow later writes, for both stores' migrations, filled from the scores
 * already stored:
 * - `scores.agent` / `scores.model`: the name and model of each score's observation, and an index
 *   by observation so a new version of an observation finds its scores;
 * - `score_group_hour`: per hour and name, counts and sums by agent and by model (`getScore`'s
 *   breakdowns);
 * - `score_session`: per name and session, the count, mean and time span (the session score
 *   filter and the lowest sessions);
 * - indexes by time (every name's raw edges) and by name and string value (the session filter
 *   on a value).
 */
export async function addScoreFollowTables(
  db: AnyDb,
  types: ColumnTypes,
  finish: FinishTable = (table) => table,
): Promise<void> {
  await db.schema.alterTable('scores').addColumn('agent', types.key).execute();
  await db.schema.alterTable('scores').addColumn('model', types.key).execute();
  await db.schema.createIndex('scores_observation').on('scores').column('observation_id').execute();
  // Every name's raw scores at a range's edges (`listScores`).
  await db.schema.createIndex('scores_time').on('scores').column('timestamp').execute();
  await db.schema
    .createIndex('scores_name_value')
    .on('scores')
    .columns(['name', 'string_value', 'eff_session_id'])
    .execute();
  await finish(scoreGroupHourTable(db, types)).execute();
  await finish(scoreSessionTable(db, types)).execute();
  // By mean (with the times, so the lowest sessions inside a range read the index alone), by
  // first score (the sessions a range's bound cuts) and by span (how far back a cut looks).
  const indexes = { mean: ['mean', 'first_at', 'last_at'], first: ['first_at'], span: ['span'] };
  for (const [suffix, columns] of Object.entries(indexes)) {
    await db.schema
      .createIndex(`score_session_${suffix}`)
      .on('score_session')
      .columns(['name', ...columns])
      .execute();
  }
  await linkScoresToObservations(db, 'all');
  await addScoreGroups(db);
  await refreshScoreSessions(db, 'all');
}

/** Adds every stored score (with its agent and model linked) into `score_group_hour`. */
async function addScoreGroups(db: AnyDb): Promise<void> {
  for (const kind of SCORE_GROUP_KINDS) {
    await db
      .insertInto('score_group_hour')
      .columns([...SCORE_GROUP_COLUMNS])
      .expression(scoreGroupRows(db, kind, 1))
      .execute();
  }
}

function scoreGroupHourTable(db: AnyDb, types: ColumnTypes) {
  return db.schema
    .createTable('score_group_hour')
    .addColumn('bucket', types.time, (c) => c.notNull())
    .addColumn('name', types.key, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', types.key, (c) => c.notNull())
    .addColumn('count', types.time, (c) => c.notNull())
    .addColumn('value_count', types.time, (c) => c.notNull())
    .addColumn('value_sum', types.real, (c) => c.notNull())
    .addPrimaryKeyConstraint('score_group_hour_pk', ['bucket', 'name', 'kind', 'key']);
}

function scoreSessionTable(db: AnyDb, types: ColumnTypes) {
  return db.schema
    .createTable('score_session')
    .addColumn('session_id', types.key, (c) => c.notNull())
    .addColumn('name', types.key, (c) => c.notNull())
    .addColumn('count', types.time, (c) => c.notNull())
    .addColumn('mean', types.real)
    .addColumn('first_at', types.time, (c) => c.notNull())
    .addColumn('last_at', types.time, (c) => c.notNull())
    .addColumn('span', types.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('score_session_pk', ['session_id', 'name']);
}
