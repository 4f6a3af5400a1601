import type { ScoreBinPart, Span } from '@cupid-dashboard/core';
import { inScoreSpan } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { Db } from '../db/types';

/** The sketch counts of a span's hours per name, summed in SQL from `score_hour_bins`. */
export async function readScoreBins(
  db: Db,
  span: Span,
  name: string | undefined,
): Promise<ScoreBinPart[]> {
  const rows = await inScoreSpan(db.selectFrom('score_hour_bins'), span, name)
    .select(['name', 'bin', sql<string>`sum(count)`.as('count')])
    .groupBy(['name', 'bin'])
    .execute();
  const time = span.from ?? 0;
  return rows.map((row) => ({ time, name: row.name, index: row.bin, count: toNumber(row.count) }));
}
