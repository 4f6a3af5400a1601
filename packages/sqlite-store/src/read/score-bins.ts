import type { ScoreBinPart, Span } from '@cupid-dashboard/core';
import { inScoreSpan } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';

/** The sketch counts of a span's hours, decoded from each `score_hour` row's blob. */
export async function readScoreBins(
  db: Db,
  span: Span,
  name: string | undefined,
): Promise<ScoreBinPart[]> {
  const rows = await inScoreSpan(db.selectFrom('score_hour'), span, name)
    .select(['bucket', 'name', 'bins'])
    .execute();
  const bins: ScoreBinPart[] = [];
  for (const row of rows) {
    for (const [index, count] of LatencySketch.decode(row.bins).entries()) {
      bins.push({ time: row.bucket, name: row.name, index, count });
    }
  }
  return bins;
}
