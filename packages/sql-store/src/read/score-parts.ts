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
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Num, toNumber } from '../db/numbers';
import type { ScoreHourColumns, ScoreTableColumns, ScoreValueHourColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';
import { type PartValues, type ReadPart, readPart } from './read-parts';

/** The tables a score's rollups and raw edges are read from. */
export interface ScorePartSchema {
  scores: ScoreTableColumns<Num>;
  score_hour: ScoreHourColumns<Num>;
  score_value_hour: ScoreValueHourColumns<Num>;
}

/** What to read: one name or every name, over a range. */
export interface ScorePartQuery {
  range: TimeRange | undefined;
  name?: string;
  /**
   * Keep the rollup rows hour by hour (a series reads them); otherwise they are added up per
   * name in SQL, each part's `time` the span's start. Default false.
   */
  byHour?: boolean;
}

/**
 * The sketch counts of a span's whole hours (one name, or every name), added up per name and bin
 * (each part's `time` is the span's start: only the range's histogram and percentiles read
 * them), as a part not yet read: the one piece each store selects its own way (SQLite keeps them
 * in `score_hour`'s blob, PostgreSQL in a table of bins).
 */
export type ScoreBinsPart<DB> = (
  db: SqlDb<DB>,
  span: Span,
  name: string | undefined,
) => ReadPart<ScoreBinPart[]>;

/**
 * Restricts a score rollup query (any table keyed by `bucket` and `name`) to a span's hours and,
 * when given, one name.
 */
export function inScoreSpan<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  span: Span,
  name: string | undefined,
): SelectQueryBuilder<DB, TB, O> {
  let next = query;
  if (span.from !== null) next = next.where(sql.ref<number>('bucket'), '>=', span.from);
  if (span.to !== null) next = next.where(sql.ref<number>('bucket'), '<', span.to);
  if (name !== undefined) next = next.where(sql.ref<string>('name'), '=', name);
  return next;
}

const onScores = sharedView<ScorePartSchema>();

/**
 * The parts covering a range (core's `ScoreParts`), not yet read: hourly rollup rows for whole
 * hours, raw scores for the partial hours at the edges (score rollups are hourly only: a month is
 * 720 rows per name and source). Read them with the store's `PartReader` and join them with
 * {@link scorePartsOf}.
 */
export function scorePartSelects<DB extends ScorePartSchema>(
  db: SqlDb<DB>,
  query: ScorePartQuery,
  binsPart: ScoreBinsPart<DB>,
) {
  const plan = planRange(query.range, false);
  // Without days a plan has at most one span of hours: none when the range holds no whole hour.
  const span: Span | undefined = plan.hours[0];
  const byHour = query.byHour ?? false;
  return {
    hours: readPart(span ? hourSelect(db, span, query.name, byHour) : null, (rows) =>
      rows.map(toHourPart),
    ),
    bins: span ? binsPart(db, span, query.name) : readPart(null, () => []),
    values: readPart(span ? valueSelect(db, span, query.name, byHour) : null, (rows) =>
      rows.map(toValuePart),
    ),
    raw: readPart(plan.raw.length > 0 ? rawSelect(db, plan.raw, query.name) : null, (rows) =>
      rows.map(toRawPart),
    ),
  } satisfies Record<string, ReadPart<unknown>>;
}

/** The parts of {@link scorePartSelects}, as read, as core's `ScoreParts`. */
export function scorePartsOf(read: PartValues<ReturnType<typeof scorePartSelects>>): ScoreParts {
  return { parts: [...read.hours, ...read.raw], bins: read.bins, values: read.values };
}

function hourSelect<DB extends ScorePartSchema>(
  db: SqlDb<DB>,
  span: Span,
  name: string | undefined,
  byHour: boolean,
) {
  return inScoreSpan(onScores(db).selectFrom('score_hour'), span, name)
    .select([
      byHour ? 'bucket' : sql<Num>`${sql.lit(span.from ?? 0)}`.as('bucket'),
      'name',
      'data_type',
      'source',
      sql<Num>`sum(count)`.as('count'),
      sql<Num>`sum(value_count)`.as('value_count'),
      sql<number>`sum(value_sum)`.as('value_sum'),
    ])
    .groupBy(byHour ? ['bucket', 'name', 'data_type', 'source'] : ['name', 'data_type', 'source']);
}

function toHourPart(row: {
  bucket: Num;
  name: string;
  data_type: string;
  source: string;
  count: Num;
  value_count: Num;
  value_sum: number;
}): ScorePart {
  return {
    time: toNumber(row.bucket),
    name: row.name,
    dataType: row.data_type as ScoreDataType,
    source: row.source as ScoreSource,
    count: toNumber(row.count),
    valueCount: toNumber(row.value_count),
    valueSum: Number(row.value_sum),
    raw: null,
  };
}

function valueSelect<DB extends ScorePartSchema>(
  db: SqlDb<DB>,
  span: Span,
  name: string | undefined,
  byHour: boolean,
) {
  return inScoreSpan(onScores(db).selectFrom('score_value_hour'), span, name)
    .select([
      byHour ? 'bucket' : sql<Num>`${sql.lit(span.from ?? 0)}`.as('bucket'),
      'name',
      'value',
      sql<Num>`sum(count)`.as('count'),
    ])
    .groupBy(byHour ? ['bucket', 'name', 'value'] : ['name', 'value']);
}

function toValuePart(row: {
  bucket: Num;
  name: string;
  value: string;
  count: Num;
}): ScoreValuePart {
  return {
    time: toNumber(row.bucket),
    name: row.name,
    value: row.value,
    count: toNumber(row.count),
  };
}

function rawSelect<DB extends ScorePartSchema>(
  db: SqlDb<DB>,
  spans: readonly { from: number; to: number }[],
  name: string | undefined,
) {
  let rows = onScores(db)
    .selectFrom('scores')
    .select(['name', 'data_type', 'source', 'value', 'string_value', 'timestamp'])
    .where((eb) => inRawSpans(eb, spans));
  if (name !== undefined) rows = rows.where('name', '=', name);
  return rows;
}

function toRawPart(row: {
  name: string;
  data_type: string;
  source: string;
  value: number | null;
  string_value: string | null;
  timestamp: Num;
}): ScorePart {
  return rawScorePart({
    time: toNumber(row.timestamp),
    name: row.name,
    dataType: row.data_type,
    source: row.source,
    value: row.value,
    stringValue: row.string_value,
  });
}

/**
 * Scores with a timestamp in any of a range's raw spans (at most its two partial edge hours), as
 * one condition: both edges in one statement.
 */
export function inRawSpans<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  spans: readonly { from: number; to: number }[],
) {
  const timestamp = sql.ref<number>('timestamp');
  return eb.or(
    spans.map((span) => eb.and([eb(timestamp, '>=', span.from), eb(timestamp, '<', span.to)])),
  );
}
