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
import { type SelectQueryBuilder, sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';

/** What to read: one name or every name, over a range. */
export interface ScorePartQuery {
  range: TimeRange | undefined;
  name?: string;
}

/** Restricts a score rollup query to a span's hours and, when given, one name. */
function within<TB extends 'score_hour' | 'score_hour_bins' | 'score_value_hour', O>(
  query: SelectQueryBuilder<StoreSchema, TB, O>,
  span: Span,
  name: string | undefined,
): SelectQueryBuilder<StoreSchema, TB, O> {
  let next = query;
  if (span.from !== null) next = next.where(sql.ref<number>('bucket'), '>=', span.from);
  if (span.to !== null) next = next.where(sql.ref<number>('bucket'), '<', span.to);
  if (name !== undefined) next = next.where(sql.ref<string>('name'), '=', name);
  return next;
}

/**
 * The parts covering a range (core's `ScoreParts`): hourly rollup rows for whole hours, raw
 * scores for the partial hours at the edges.
 */
export async function readScoreParts(db: Db, query: ScorePartQuery): Promise<ScoreParts> {
  const plan = planRange(query.range, false);
  const parts: ScorePart[] = [];
  const bins: ScoreBinPart[] = [];
  const values: ScoreValuePart[] = [];
  for (const span of plan.hours) {
    const hours = await within(db.selectFrom('score_hour'), span, query.name).selectAll().execute();
    for (const row of hours) {
      parts.push({
        time: toNumber(row.bucket),
        name: row.name,
        dataType: row.data_type as ScoreDataType,
        source: row.source as ScoreSource,
        count: toNumber(row.count),
        valueCount: toNumber(row.value_count),
        valueSum: row.value_sum,
        raw: null,
      });
    }
    const binRows = await within(db.selectFrom('score_hour_bins'), span, query.name)
      .selectAll()
      .execute();
    for (const row of binRows) {
      bins.push({
        time: toNumber(row.bucket),
        name: row.name,
        index: row.bin,
        count: toNumber(row.count),
      });
    }
    const valueRows = await within(db.selectFrom('score_value_hour'), span, query.name)
      .selectAll()
      .execute();
    for (const row of valueRows) {
      values.push({
        time: toNumber(row.bucket),
        name: row.name,
        value: row.value,
        count: toNumber(row.count),
      });
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
      time: toNumber(row.timestamp),
      name: row.name,
      dataType: row.data_type,
      source: row.source,
      value: row.value,
      stringValue: row.string_value,
    }),
  );
}
