import {
  type BucketSize,
  bucketStart,
  planRange,
  type ScoreDataType,
  type ScoreSource,
  type Span,
  type TimeRange,
} from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { inSpan } from './rollup-spans';

/** One hourly score rollup row, or one raw score at a range edge (`raw` true). */
export interface ScorePart {
  /** The row's hour, or the score's own timestamp. */
  time: number;
  name: string;
  dataType: ScoreDataType;
  source: ScoreSource;
  count: number;
  valueCount: number;
  valueSum: number;
  /** A rollup row's sketch blob; null for a raw score. */
  bins: Uint8Array | null;
  /** A raw score's value and string value. */
  value: number | null;
  stringValue: string | null;
}

/** One hourly value-count row (raw edge scores carry their value in {@link ScorePart}). */
export interface ScoreValuePart {
  time: number;
  name: string;
  value: string;
  count: number;
}

/** What to read: one name or every name, over a range. */
export interface ScorePartQuery {
  range: TimeRange | undefined;
  name?: string;
}

/**
 * The parts covering a range: hourly rollup rows for whole hours, raw scores for the partial
 * hours at the edges (score rollups are hourly only: a month is 720 rows per name and source).
 * Their sums are exactly the sums over the scores whose timestamp is in range.
 */
export async function readScoreParts(
  db: Db,
  query: ScorePartQuery,
): Promise<{ parts: ScorePart[]; values: ScoreValuePart[] }> {
  const plan = planRange(query.range, false);
  const parts: ScorePart[] = [];
  const values: ScoreValuePart[] = [];
  for (const span of plan.hours) {
    let rows = inSpan(db.selectFrom('score_hour'), span).selectAll();
    if (query.name !== undefined) rows = rows.where('name', '=', query.name);
    for (const row of await rows.execute()) {
      parts.push({
        time: row.bucket,
        name: row.name,
        dataType: row.data_type as ScoreDataType,
        source: row.source as ScoreSource,
        count: row.count,
        valueCount: row.value_count,
        valueSum: row.value_sum,
        bins: row.bins,
        value: null,
        stringValue: null,
      });
    }
    let counts = inSpan(db.selectFrom('score_value_hour'), span).selectAll();
    if (query.name !== undefined) counts = counts.where('name', '=', query.name);
    for (const row of await counts.execute()) {
      values.push({ time: row.bucket, name: row.name, value: row.value, count: row.count });
    }
  }
  for (const span of plan.raw) parts.push(...(await readRawScores(db, span, query.name)));
  return { parts, values };
}

async function readRawScores(db: Db, span: Span, name: string | undefined): Promise<ScorePart[]> {
  let rows = db
    .selectFrom('scores')
    .select(['name', 'data_type', 'source', 'value', 'string_value', 'timestamp']);
  if (name !== undefined) rows = rows.where('name', '=', name);
  if (span.from !== null) rows = rows.where('timestamp', '>=', span.from);
  if (span.to !== null) rows = rows.where('timestamp', '<', span.to);
  return (await rows.execute()).map((row) => ({
    time: row.timestamp,
    name: row.name,
    dataType: row.data_type as ScoreDataType,
    source: row.source as ScoreSource,
    count: 1,
    valueCount: row.value === null ? 0 : 1,
    valueSum: row.value ?? 0,
    bins: null,
    value: row.value,
    stringValue: row.string_value,
  }));
}

/** The bucket (in `zone`) a part falls in: an hourly row's UTC hour start decides. */
export function partBucket(part: { time: number }, size: BucketSize, zone: string): number {
  return bucketStart(part.time, size, zone);
}
