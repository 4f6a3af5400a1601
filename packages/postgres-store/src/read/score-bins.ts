import type { ScoreBinPart, Span } from '@cupid-dashboard/core';
import { inScoreSpan } from '@cupid-dashboard/sql-store';
import { toNumber } from '../db/numbers';
import type { Db } from '../db/types';

/** The sketch counts of a span's hours, from `score_hour_bins` (one row per hour × name × bin). */
export async function readScoreBins(
  db: Db,
  span: Span,
  name: string | undefined,
): Promise<ScoreBinPart[]> {
  const rows = await inScoreSpan(db.selectFrom('score_hour_bins'), span, name)
    .selectAll()
    .execute();
  return rows.map((row) => ({
    time: toNumber(row.bucket),
    name: row.name,
    index: row.bin,
    count: toNumber(row.count),
  }));
}
