import {
  BUCKET_MS,
  type BucketSize,
  type LatencySummary,
  planRange,
  quantileFromBuckets,
  rollupSpans,
  type Span,
  type TimeRange,
  type TokenCounts,
} from '@cupid-dashboard/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Num, StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
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
  /** Sketch bin → count; empty unless read with `sketches`. */
  bins: Map<number, number>;
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
    bins: new Map(),
  };
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
  for (const [bin, count] of part.bins) into.bins.set(bin, (into.bins.get(bin) ?? 0) + count);
}

/** Mean and sketch percentiles (core's `quantileFromBuckets`) of a group's latencies. */
export function latencyOf(totals: FactTotals): LatencySummary {
  return {
    avgMs: totals.latencyCount === 0 ? null : totals.latencySum / totals.latencyCount,
    p50Ms: quantileFromBuckets(totals.bins, 50),
    p95Ms: quantileFromBuckets(totals.bins, 95),
    p99Ms: quantileFromBuckets(totals.bins, 99),
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

/** The sketch sources of a fact query, as {@link factParts}. */
function binParts(db: Db, query: FactQuery) {
  const { rollups, raw } = spansOf(query);
  return [
    ...rollups.map(({ table, span }) =>
      db
        .selectFrom(FACT_TABLES[table].bins as 'fact_hour_bins')
        .select([keyOf(query.group, false).as('key'), 'bin', 'count'])
        .where(filters(query, span, false)),
    ),
    ...raw.map((span) =>
      db
        .selectFrom('observations')
        .select([
          keyOf(query.group, true).as('key'),
          sql<number>`latency_bin`.as('bin'),
          sql<Num>`1`.as('count'),
        ])
        .where('latency_bin', 'is not', null)
        .where(filters(query, span, true)),
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

/**
 * Adds up the observations whose start time is in range, per group, in one statement over the
 * rollup rows and raw edges of the range (and one more for the sketches when asked). The sums
 * are exactly those over the observations in range.
 */
export async function readFactTotals(db: Db, query: FactQuery): Promise<Map<FactKey, FactTotals>> {
  const totals = new Map<FactKey, FactTotals>();
  const parts = unionAll(factParts(db, query));
  if (parts === null) return totals;
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select([
      'key',
      sql<string>`sum(calls)`.as('calls'),
      sql<string>`sum(generations)`.as('generations'),
      sql<string>`sum(errors)`.as('errors'),
      sql<number>`sum(cost)`.as('cost'),
      sql<number>`sum(tokens_input)`.as('tokens_input'),
      sql<number>`sum(tokens_output)`.as('tokens_output'),
      sql<number>`sum(tokens_total)`.as('tokens_total'),
      sql<string>`sum(latency_count)`.as('latency_count'),
      sql<number>`sum(latency_sum)`.as('latency_sum'),
    ])
    .groupBy('key')
    .having(sql<boolean>`sum(calls) > 0`)
    .execute();
  for (const row of rows) {
    totals.set(normalKey(query.group, row.key), {
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
      bins: new Map(),
    });
  }
  if (query.sketches) {
    // Sketches are kept per bucket and agent only: no query reads them by model.
    if (query.group === 'model' || query.withModel) throw new TypeError('no sketches by model');
    await readBins(db, query, totals);
  }
  return totals;
}

/** Adds each group's sketch counts to its totals. */
async function readBins(db: Db, query: FactQuery, totals: Map<FactKey, FactTotals>) {
  const parts = unionAll(binParts(db, query));
  if (parts === null) return;
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select(['key', 'bin', sql<string>`sum(count)`.as('count')])
    .groupBy(['key', 'bin'])
    .having(sql<boolean>`sum(count) > 0`)
    .execute();
  for (const row of rows) {
    totals.get(normalKey(query.group, row.key))?.bins.set(row.bin, Number(row.count));
  }
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
