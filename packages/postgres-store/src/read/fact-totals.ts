import {
  BUCKET_MS,
  type BucketSize,
  type LatencySummary,
  planRange,
  quantileFromCounts,
  rollupSpans,
  type Span,
  type TimeRange,
  type TokenCounts,
} from '@cupid-dashboard/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Num, StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { SKETCH_TABLES } from '../rollups/fact-sketches';
import { FACT_TABLES } from '../rollups/rollup-upsert';

/** How observations are grouped: not at all, by agent, by model, or by UTC bucket of a size. */
export type FactGroup = 'all' | 'agent' | 'model' | BucketSize;

/** What to add up. */
export interface FactQuery {
  range: TimeRange | undefined;
  group: FactGroup;
  /** Only this agent's observations. */
  agent?: string;
  /** Only observations with a model. */
  withModel?: boolean;
  /** Read the latency sketches too (for percentiles). Default false. */
  sketches?: boolean;
}

/** What the observations of one group add up to. */
export interface FactTotals {
  calls: number;
  errors: number;
  generations: number;
  cost: number;
  tokens: TokenCounts;
  latencyCount: number;
  latencySum: number;
  /** Sketch counts by bin (dense: index = bin, grown as needed); empty unless read with `sketches`. */
  bins: Float64Array;
}

/** A group's key: null for no agent or model, 0 for `'all'`, the bucket start for a size. */
export type FactKey = string | number | null;

/** Empty totals. */
export function emptyFactTotals(): FactTotals {
  return {
    calls: 0,
    errors: 0,
    generations: 0,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    latencyCount: 0,
    latencySum: 0,
    bins: NO_BINS,
  };
}

/** The empty sketch: totals share it until a count is added (which replaces it). */
const NO_BINS = new Float64Array(0);

/** `totals.bins[bin] += count`, growing the sketch when the bin lies past its end. */
function addBin(totals: FactTotals, bin: number, count: number): void {
  if (bin >= totals.bins.length) {
    const grown = new Float64Array(Math.max(bin + 1, totals.bins.length * 2, 64));
    grown.set(totals.bins);
    totals.bins = grown;
  }
  totals.bins[bin] = (totals.bins[bin] as number) + count;
}

/** Adds `part` into `into`. */
export function addFactTotals(into: FactTotals, part: FactTotals): void {
  into.calls += part.calls;
  into.errors += part.errors;
  into.generations += part.generations;
  into.cost += part.cost;
  into.tokens.input += part.tokens.input;
  into.tokens.output += part.tokens.output;
  into.tokens.total += part.tokens.total;
  into.latencyCount += part.latencyCount;
  into.latencySum += part.latencySum;
  if (part.bins.length > into.bins.length) addBin(into, part.bins.length - 1, 0);
  const bins = into.bins;
  for (let bin = 0; bin < part.bins.length; bin++)
    bins[bin] = (bins[bin] as number) + (part.bins[bin] as number);
}

/** Mean and sketch percentiles (core's `quantileFromCounts`) of a group's latencies. */
export function latencyOf(totals: FactTotals): LatencySummary {
  return {
    avgMs: totals.latencyCount === 0 ? null : totals.latencySum / totals.latencyCount,
    p50Ms: quantileFromCounts(totals.bins, 0, 50),
    p95Ms: quantileFromCounts(totals.bins, 0, 95),
    p99Ms: quantileFromCounts(totals.bins, 0, 99),
  };
}

/** The group key over a rollup row, or over a raw observation. */
function keyOf(group: FactGroup, raw: boolean): RawBuilder<FactKey> {
  if (group === 'all') return sql<FactKey>`0`;
  if (group === 'agent') return raw ? sql`name` : sql`case when has_agent then agent end`;
  if (group === 'model') return raw ? sql`model` : sql`case when has_model then model end`;
  const width = BUCKET_MS[group];
  const time = raw ? sql.ref('start_time') : sql.ref('bucket');
  return sql`(floor(${time}::float8 / ${width}) * ${width})::bigint`;
}

/** The filters of a query over a rollup span or a raw span. */
function filters(query: FactQuery, span: Span, raw: boolean): RawBuilder<boolean> {
  const time = raw ? sql.ref('start_time') : sql.ref('bucket');
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (span.from !== null) parts.push(sql`${time} >= ${span.from}`);
  if (span.to !== null) parts.push(sql`${time} < ${span.to}`);
  if (query.agent !== undefined) {
    parts.push(raw ? sql`name = ${query.agent}` : sql`has_agent and agent = ${query.agent}`);
  }
  if (query.withModel) parts.push(raw ? sql`model is not null` : sql`has_model`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/**
 * The spans a query reads: whole days from the daily rollups (unless grouped by hour), whole
 * hours from the hourly ones, and the partial hours at the edges from the observations.
 */
function spansOf(query: FactQuery) {
  const plan = planRange(query.range, query.group !== 'hour');
  const tables = { day: 'day', hour: 'hour' } as const;
  return { rollups: rollupSpans(plan, tables), raw: plan.raw };
}

/** One source of a fact query: a rollup span, or a raw span of observations. */
function factParts(db: Db, query: FactQuery) {
  const { rollups, raw } = spansOf(query);
  return [
    ...rollups.map(({ table, span }) =>
      db
        .selectFrom(FACT_TABLES[table].facts as 'fact_hour')
        .select([
          keyOf(query.group, false).as('key'),
          'calls',
          'generations',
          'errors',
          'cost',
          'tokens_input',
          'tokens_output',
          'tokens_total',
          'latency_count',
          'latency_sum',
        ])
        .where(filters(query, span, false)),
    ),
    ...raw.map((span) =>
      db
        .selectFrom('observations')
        .select([
          keyOf(query.group, true).as('key'),
          sql<Num>`1`.as('calls'),
          sql<Num>`(type = 'GENERATION')::int`.as('generations'),
          sql<Num>`is_error::int`.as('errors'),
          'cost',
          'tokens_input',
          'tokens_output',
          'tokens_total',
          sql<Num>`(latency_ms is not null)::int`.as('latency_count'),
          sql<number>`coalesce(latency_ms, 0)`.as('latency_sum'),
        ])
        .where(filters(query, span, true)),
    ),
  ];
}

/** A select of sketch rows: a group key and its bins (bin → count). */
export type SketchQuery = SelectQueryBuilder<
  StoreSchema,
  keyof StoreSchema,
  { key: FactKey; bins: Record<string, Num> }
>;

/**
 * The sketch sources of a fact query, as {@link factParts}: the sketch rows of the rollup spans,
 * and the raw edges' bins counted into one sketch per group, all as (key, bin → count).
 */
function sketchParts(db: Db, query: FactQuery): SketchQuery[] {
  const { rollups, raw } = spansOf(query);
  // Totals over every agent read one sketch per bucket rather than one per bucket × agent.
  const scope = query.group === 'agent' || query.agent !== undefined ? 'byAgent' : 'all';
  return [
    ...rollups.map(({ table, span }) =>
      db
        .selectFrom(SKETCH_TABLES[table][scope] as 'fact_hour_sketch')
        .select([keyOf(query.group, false).as('key'), sql<Record<string, Num>>`bins`.as('bins')])
        .where(filters(query, span, false)),
    ),
    ...raw.map(
      (span) =>
        db
          .selectFrom(
            db
              .selectFrom('observations')
              .select([
                keyOf(query.group, true).as('key'),
                'latency_bin',
                sql<Num>`count(*)`.as('count'),
              ])
              .where('latency_bin', 'is not', null)
              .where(filters(query, span, true))
              .groupBy(sql`1, 2`)
              .as('edge'),
          )
          .select([
            'key',
            sql<Record<string, Num>>`jsonb_object_agg(latency_bin, count)`.as('bins'),
          ])
          // A select from a subquery has that subquery among its tables; the union needs one type.
          .groupBy('key') as unknown as SketchQuery,
    ),
  ];
}

/** `a union all b union all …` of selects with the same columns. */
function unionAll<O>(
  parts: readonly SelectQueryBuilder<StoreSchema, keyof StoreSchema, O>[],
): SelectQueryBuilder<StoreSchema, keyof StoreSchema, O> | null {
  const [first, ...rest] = parts;
  return first === undefined ? null : rest.reduce((union, part) => union.unionAll(part), first);
}

/** One group's sums as a fact totals query returns them (strings or numbers, as read). */
export interface FactTotalsRow {
  key: FactKey;
  calls: Num;
  generations: Num;
  errors: Num;
  cost: Num;
  tokens_input: Num;
  tokens_output: Num;
  tokens_total: Num;
  latency_count: Num;
  latency_sum: Num;
}

/**
 * The select adding up the observations whose start time is in range, per group, over the rollup
 * rows and raw edges of the range (null when the range reads nothing). The sums are exactly
 * those over the observations in range.
 */
export function factTotalsQuery(db: Db, query: FactQuery) {
  const parts = unionAll(factParts(db, query));
  if (parts === null) return null;
  return db
    .selectFrom(parts.as('parts'))
    .select([
      'key',
      sql<Num>`sum(calls)`.as('calls'),
      sql<Num>`sum(generations)`.as('generations'),
      sql<Num>`sum(errors)`.as('errors'),
      sql<Num>`sum(cost)`.as('cost'),
      sql<Num>`sum(tokens_input)`.as('tokens_input'),
      sql<Num>`sum(tokens_output)`.as('tokens_output'),
      sql<Num>`sum(tokens_total)`.as('tokens_total'),
      sql<Num>`sum(latency_count)`.as('latency_count'),
      sql<Num>`sum(latency_sum)`.as('latency_sum'),
    ])
    .groupBy('key')
    .having(sql<boolean>`sum(calls) > 0`);
}

/** The totals per group of {@link factTotalsQuery}'s rows (sketches empty). */
export function factTotalsFrom(
  group: FactGroup,
  rows: readonly FactTotalsRow[],
): Map<FactKey, FactTotals> {
  const totals = new Map<FactKey, FactTotals>();
  for (const row of rows) {
    totals.set(normalKey(group, row.key), {
      calls: Number(row.calls),
      errors: Number(row.errors),
      generations: Number(row.generations),
      cost: Number(row.cost),
      tokens: {
        input: Number(row.tokens_input),
        output: Number(row.tokens_output),
        total: Number(row.tokens_total),
      },
      latencyCount: Number(row.latency_count),
      latencySum: Number(row.latency_sum),
      bins: NO_BINS,
    });
  }
  return totals;
}

/**
 * The select of the sketch rows of a query's groups (null when the range reads nothing): a few
 * per group (one per rollup bucket, and agent when grouped by agent), merged by
 * {@link addSketches}.
 */
export function sketchesQuery(db: Db, query: FactQuery): SketchQuery | null {
  // Sketches are kept per bucket and agent only: no query reads them by model.
  if (query.group === 'model' || query.withModel) throw new TypeError('no sketches by model');
  return unionAll(sketchParts(db, query));
}

/** Adds each sketch row's counts to its group's totals (groups without totals are skipped). */
export function addSketches(
  group: FactGroup,
  rows: readonly { key: FactKey; bins: Record<string, Num> }[],
  totals: Map<FactKey, FactTotals>,
): void {
  for (const row of rows) {
    const part = totals.get(normalKey(group, row.key));
    if (!part) continue;
    for (const bin in row.bins) addBin(part, Number(bin), Number(row.bins[bin]));
  }
}

/**
 * Adds up the observations whose start time is in range, per group: one statement (and one more
 * for the sketches when asked).
 */
export async function readFactTotals(db: Db, query: FactQuery): Promise<Map<FactKey, FactTotals>> {
  const facts = factTotalsQuery(db, query);
  if (facts === null) return new Map();
  const totals = factTotalsFrom(query.group, await facts.execute());
  const sketches = query.sketches ? sketchesQuery(db, query) : null;
  if (sketches !== null) addSketches(query.group, await sketches.execute(), totals);
  return totals;
}

/** Bucket keys arrive as strings (`bigint`); agent and model keys are strings already. */
function normalKey(group: FactGroup, key: FactKey): FactKey {
  return group === 'hour' || group === 'day' || group === 'all' ? Number(key) : key;
}

/**
 * Totals read by UTC hour or day regrouped into the buckets of a series: by local day or hour
 * of `timeZone` (core's `bucketStart`), exact in zones with whole-hour offsets.
 */
export function regroupByBucket(
  parts: ReadonlyMap<FactKey, FactTotals>,
  bucketOf: (time: number) => number,
): Map<number, FactTotals> {
  const grouped = new Map<number, FactTotals>();
  for (const [key, part] of parts) {
    const start = bucketOf(Number(key));
    let totals = grouped.get(start);
    if (!totals) {
      totals = emptyFactTotals();
      grouped.set(start, totals);
    }
    addFactTotals(totals, part);
  }
  return grouped;
}
