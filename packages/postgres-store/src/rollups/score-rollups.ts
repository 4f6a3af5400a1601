import { BUCKET_MS } from '@cupid-dashboard/core';
import { SCORE_GROUP_KINDS, scoreGroupRows } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { bucketSql } from '../read/facts';
import { addToRollup } from './rollup-upsert';

/** The score rollup tables (hourly only: a month is 720 rows per name and source). */
export const SCORE_TABLES = [
  'score_hour',
  'score_hour_bins',
  'score_value_hour',
  'score_group_hour',
] as const;

/** Which score rows a shift adds up: these ids, or every row (a rebuild). */
export type ScoreSelection = readonly string[] | 'all';

/** The scores of a selection (the primary key looks each id up). */
function selected(db: Db, rows: ScoreSelection) {
  const query = db.selectFrom('scores');
  return rows === 'all' ? query : query.where(sql<boolean>`id = any(${rows})`);
}

/**
 * Adds (`sign` 1) or subtracts (`sign` -1) the selected scores to the hourly score rollups in
 * SQL, with additive deltas: counts and sums per name, data type and source; sketch counts per
 * `sketch_bin` and value counts per `counted_value` (where core's `scoreRollupKeys` put each
 * score when it was written), and counts and sums by agent and by model. A batch subtracts the
 * versions it replaces, writes the new ones, then adds them; rows left empty are deleted.
 */
export async function shiftScoreRollups(db: Db, rows: ScoreSelection, sign: 1 | -1): Promise<void> {
  if (rows !== 'all' && rows.length === 0) return;
  const bucket = bucketSql('timestamp', BUCKET_MS.hour).as('bucket');
  const count = sql<number>`${sign} * count(*)`.as('count');
  const hours = selected(db, rows)
    .select([
      bucket,
      'name',
      'data_type',
      'source',
      count,
      sql<number>`${sign} * count(value)`.as('value_count'),
      sql<number>`${sign} * coalesce(sum(value), 0)`.as('value_sum'),
    ])
    .groupBy(sql`1, 2, 3, 4`);
  await addToRollup(
    db,
    {
      table: 'score_hour',
      key: ['bucket', 'name', 'data_type', 'source'],
      sums: ['count', 'value_count', 'value_sum'],
      counted: 'count',
      // Exactly 0 once no number is left, not the float residue of adding and removing.
      set: {
        value_sum: sql`case when score_hour.value_count + excluded.value_count = 0 then 0
          else score_hour.value_sum + excluded.value_sum end`,
      },
    },
    hours,
  );
  const bins = selected(db, rows)
    .where('sketch_bin', 'is not', null)
    .select([bucket, 'name', sql<number>`sketch_bin`.as('bin'), count])
    .groupBy(sql`1, 2, 3`);
  await addToRollup(
    db,
    { table: 'score_hour_bins', key: ['bucket', 'name', 'bin'], sums: ['count'], counted: 'count' },
    bins,
  );
  const values = selected(db, rows)
    .where('counted_value', 'is not', null)
    .select([bucket, 'name', sql<string>`counted_value`.as('value'), count])
    .groupBy(sql`1, 2, 3`);
  await addToRollup(
    db,
    {
      table: 'score_value_hour',
      key: ['bucket', 'name', 'value'],
      sums: ['count'],
      counted: 'count',
    },
    values,
  );
  await shiftScoreGroups(db, rows, sign);
}

/**
 * Adds or subtracts the selected scores to the hourly rollups by their observation's agent and
 * by its model alone: what moves when only a score's observation changed.
 */
export async function shiftScoreGroups(db: Db, rows: ScoreSelection, sign: 1 | -1): Promise<void> {
  if (rows !== 'all' && rows.length === 0) return;
  for (const kind of SCORE_GROUP_KINDS) {
    const groups = scoreGroupRows(db, kind, sign);
    await addToRollup(
      db,
      {
        table: 'score_group_hour',
        key: ['bucket', 'name', 'kind', 'key'],
        sums: ['count', 'value_count', 'value_sum'],
        counted: 'count',
        set: {
          value_sum: sql`case when score_group_hour.value_count + excluded.value_count = 0 then 0
            else score_group_hour.value_sum + excluded.value_sum end`,
        },
      },
      rows === 'all' ? groups : groups.where(sql<boolean>`id = any(${rows})`),
    );
  }
}
