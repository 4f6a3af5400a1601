import type { EpochMs, LatencySummary, TimeRange, TokenCounts } from '@cupid-dashboard/core';
import { type SelectQueryBuilder, sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { Num, StoreSchema } from '../db/schema';

/** A query over observations. */
export type ObservationQuery = SelectQueryBuilder<StoreSchema, 'observations', object>;

/** Restricts an observation query to start times in range. */
export function whereObserved(query: ObservationQuery, range: TimeRange | undefined) {
  let next = query;
  if (range?.from !== undefined) next = next.where('start_time', '>=', range.from);
  if (range?.to !== undefined) next = next.where('start_time', '<', range.to);
  return next;
}

/**
 * What every group of observations adds up to, as select expressions. Percentiles are exact:
 * `percentile_disc(f)` is the first latency whose rank reaches `f` of the count, the nearest rank
 * (null latencies, calls without an end, are left out as core leaves them out).
 */
export const FACT_TOTALS = [
  sql<number>`count(*)::int`.as('calls'),
  sql<number>`(count(*) filter (where is_error))::int`.as('errors'),
  sql<number>`(count(*) filter (where type = 'GENERATION'))::int`.as('generations'),
  sql<number>`coalesce(sum(cost), 0)`.as('cost'),
  sql<number>`coalesce(sum(tokens_input), 0)`.as('tokens_input'),
  sql<number>`coalesce(sum(tokens_output), 0)`.as('tokens_output'),
  sql<number>`coalesce(sum(tokens_total), 0)`.as('tokens_total'),
  sql<number | null>`avg(latency_ms)`.as('latency_avg'),
  sql<number | null>`percentile_disc(0.5) within group (order by latency_ms)`.as('latency_p50'),
  sql<number | null>`percentile_disc(0.95) within group (order by latency_ms)`.as('latency_p95'),
  sql<number | null>`percentile_disc(0.99) within group (order by latency_ms)`.as('latency_p99'),
  sql<Num | null>`max(start_time)`.as('last_start'),
] as const;

/** A row of {@link FACT_TOTALS}. */
export interface FactTotalsRow {
  calls: number;
  errors: number;
  generations: number;
  cost: number;
  tokens_input: number;
  tokens_output: number;
  tokens_total: number;
  latency_avg: number | null;
  latency_p50: number | null;
  latency_p95: number | null;
  latency_p99: number | null;
  last_start: Num | null;
}

/** The totals of a {@link FactTotalsRow} in the domain's shapes. */
export interface FactTotals {
  calls: number;
  errors: number;
  generations: number;
  cost: number;
  tokens: TokenCounts;
  latency: LatencySummary;
  lastSeenAt: EpochMs | null;
}

/** Converts a {@link FactTotalsRow}. */
export function toFactTotals(row: FactTotalsRow): FactTotals {
  return {
    calls: row.calls,
    errors: row.errors,
    generations: row.generations,
    cost: toNumber(row.cost),
    tokens: {
      input: toNumber(row.tokens_input),
      output: toNumber(row.tokens_output),
      total: toNumber(row.tokens_total),
    },
    latency: {
      avgMs: toNumberOrNull(row.latency_avg),
      p50Ms: toNumberOrNull(row.latency_p50),
      p95Ms: toNumberOrNull(row.latency_p95),
      p99Ms: toNumberOrNull(row.latency_p99),
    },
    lastSeenAt: toNumberOrNull(row.last_start),
  };
}

/** `floor(time / width) * width`: the UTC bucket start of a time column, epoch ms. */
export function bucketSql(column: string, widthMs: number) {
  return sql<Num>`(floor(${sql.ref(column)}::float8 / ${widthMs}) * ${widthMs})::bigint`;
}
