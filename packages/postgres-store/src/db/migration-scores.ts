import {
  createScoreIndexes,
  scoreHourTable,
  scoresTable,
  scoreValueHourTable,
} from '@cupid-dashboard/sql-store';
import type { Kysely } from 'kysely';
import { TYPES, text } from './column-types';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * Langfuse scores: the records (each with its effective session, kept current as traces arrive)
 * and their hourly rollups per name — counts and sums per data type and source, sketch counts of
 * NUMERIC values, counts of BOOLEAN and CATEGORICAL values — and their row counter. There are no
 * scores yet to fill them from. Each score keeps where the rollups count it (`sketch_bin`,
 * `counted_value`), so they add up in SQL.
 */
export async function addScores(db: AnyDb): Promise<void> {
  await scoresTable(db, TYPES)
    .addColumn('sketch_bin', 'integer')
    .addColumn('counted_value', text)
    .execute();
  await createScoreIndexes(db);
  await scoreHourTable(db, TYPES).execute();
  await db.schema
    .createTable('score_hour_bins')
    .addColumn('bucket', 'bigint', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('bin', 'integer', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_hour_bins_pk', ['bucket', 'name', 'bin'])
    .execute();
  await scoreValueHourTable(db, TYPES).execute();
  // Counted like the other records, from none: a rebuild sets the same row.
  await db.insertInto('counters').values({ name: 'scores', value: 0 }).execute();
}
