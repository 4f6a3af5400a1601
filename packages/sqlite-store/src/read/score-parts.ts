import {
  planRange,
  rawScorePart,
  type ScoreBinPart,
  type ScoreDataType,
  type ScorePart,
  type ScoreParts,
  type ScoreSource,
  type ScoreValuePart,
  type Span,
  type TimeRange,
} from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';
import { inSpan } from './rollup-spans';

/** What to read: one name or every name, over a range. */
export interface ScorePartQuery {
  range: TimeRange | undefined;
  name?: string;
}

/**
 * The parts covering a range (core's `ScoreParts`): hourly rollup rows for whole hours, raw
 * scores for the partial hours at the edges (score rollups are hourly only: a month is 720 rows
 * per name and source).
 */
export async function readScoreParts(db: Db, query: ScorePartQuery): Promise<ScoreParts> {
  const plan = planRange(query.range, false);
  const parts: ScorePart[] = [];
  const bins: ScoreBinPart[] = [];
  const values: ScoreValuePart[] = [];
  for (const span of plan.hours) {
    let rows = inSpan(db.selectFrom('score_hour'), span).selectAll();
    if (query.name !== undefined) rows = rows.where('name', '=', query.name);
    for (const row of await rows.execute()) {
      const time = row.bucket;
      parts.push({
        time,
        name: row.name,
        dataType: row.data_type as ScoreDataType,
        source: row.source as ScoreSource,
        count: row.count,
        valueCount: row.value_count,
        valueSum: row.value_sum,
        raw: null,
      });
      for (const [index, count] of LatencySketch.decode(row.bins).entries()) {
        bins.push({ time, name: row.name, index, count });
      }
    }
    let counts = inSpan(db.selectFrom('score_value_hour'), span).selectAll();
    if (query.name !== undefined) counts = counts.where('name', '=', query.name);
    for (const row of await counts.execute()) {
      values.push({ time: row.bucket, name: row.name, value: row.value, count: row.count });
    }
  }
  for (const span of plan.raw) parts.push(...(await readRawScores(db, span, query.name)));
  return { parts, bins, values };
}

async function readRawScores(db: Db, span: Span, name: string | undefined): Promise<ScorePart[]> {
  let rows = db
    .selectFrom('scores')
    .select(['name', 'data_type', 'source', 'value', 'string_value', 'timestamp']);
  if (name !== undefined) rows = rows.where('name', '=', name);
  if (span.from !== null) rows = rows.where('timestamp', '>=', span.from);
  if (span.to !== null) rows = rows.where('timestamp', '<', span.to);
  return (await rows.execute()).map((row) =>
    rawScorePart({
      time: row.timestamp,
      name: row.name,
      dataType: row.data_type,
      source: row.source,
      value: row.value,
      stringValue: row.string_value,
    }),
  );
}
