import type { ScoreBinPart, Span } from '@cupid-dashboard/core';
import { inScoreSpan, type ReadPart, readPart } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';

/**
 * The sketch counts of a span's hours per name, merged from each `score_hour` row's blob (a
 * month of hours is one sketch per name, not one part per hour and bin).
 */
export function scoreBinsPart(
  db: Db,
  span: Span,
  name: string | undefined,
): ReadPart<ScoreBinPart[]> {
  const rows = inScoreSpan(db.selectFrom('score_hour'), span, name).select(['name', 'bins']);
  return readPart(rows, (hours) => {
    const sketches = new Map<string, LatencySketch>();
    for (const row of hours) {
      let sketch = sketches.get(row.name);
      if (!sketch) {
        sketch = new LatencySketch();
        sketches.set(row.name, sketch);
      }
      sketch.merge(row.bins);
    }
    const time = span.from ?? 0;
    const bins: ScoreBinPart[] = [];
    for (const [binName, sketch] of sketches) {
      for (const [index, count] of sketch.entries())
        bins.push({ time, name: binName, index, count });
    }
    return bins;
  });
}
