import {
  BUCKET_MS,
  type BucketSize,
  planRange,
  rollupSpans,
  type Span,
  type TimeRange,
} from '@cupid-dashboard/core';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Num, StoreSchema } from '../db/schema';
import type { Db } from '../db/types';
import { FIRST_CALL_ROLLUPS, TRACE_ROLLUPS } from '../rollups/bucket-rollups';

/** What the traces of one group add up to. */
export interface TraceTotals {
  traces: number;
  latencyCount: number;
  latencySum: number;
}

function inSpan(column: 'bucket' | 'timestamp' | 'first_start', span: Span): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (span.from !== null) parts.push(sql`${sql.ref(column)} >= ${span.from}`);
  if (span.to !== null) parts.push(sql`${sql.ref(column)} < ${span.to}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** The group key of a time column: 0 for all, else the UTC bucket start of a size. */
function keyOf(column: 'bucket' | 'timestamp', group: 'all' | BucketSize): RawBuilder<Num> {
  if (group === 'all') return sql<Num>`0`;
  const width = BUCKET_MS[group];
  return sql<Num>`(floor(${sql.ref(column)}::float8 / ${width}) * ${width})::bigint`;
}

function unionAll<O>(parts: readonly SelectQueryBuilder<StoreSchema, keyof StoreSchema, O>[]) {
  const [first, ...rest] = parts;
  return first === undefined ? null : rest.reduce((union, part) => union.unionAll(part), first);
}

/**
 * The select of the traces whose time is in range, in total (`group` 'all', key 0) or per UTC
 * bucket: whole days and hours from the trace rollups, the partial hours at the edges from the
 * trace aggregates (core's `planRange`). Exactly the sums over the traces in range; null when
 * the range reads nothing.
 */
export function traceTotalsQuery(db: Db, range: TimeRange | undefined, group: 'all' | BucketSize) {
  const plan = planRange(range, group !== 'hour');
  const parts = unionAll([
    ...rollupSpans(plan, { day: 'day', hour: 'hour' } as const).map(({ table, span }) =>
      db
        .selectFrom(TRACE_ROLLUPS[table].table)
        .select([keyOf('bucket', group).as('key'), 'traces', 'latency_count', 'latency_sum'])
        .where(inSpan('bucket', span)),
    ),
    ...plan.raw.map((span) =>
      db
        .selectFrom('trace_agg')
        .select([
          keyOf('timestamp', group).as('key'),
          sql<Num>`1`.as('traces'),
          sql<Num>`(latency_ms is not null)::int`.as('latency_count'),
          sql<number>`coalesce(latency_ms, 0)`.as('latency_sum'),
        ])
        .where(inSpan('timestamp', span)),
    ),
  ]);
  if (parts === null) return null;
  return db
    .selectFrom(parts.as('parts'))
    .select([
      'key',
      sql<Num>`sum(traces)`.as('traces'),
      sql<Num>`sum(latency_count)`.as('latency_count'),
      sql<Num>`sum(latency_sum)`.as('latency_sum'),
    ])
    .groupBy('key')
    .having(sql<boolean>`sum(traces) > 0`);
}

/** The totals by key of {@link traceTotalsQuery}'s rows. */
export function traceTotalsFrom(
  rows: readonly { key: Num; traces: Num; latency_count: Num; latency_sum: Num }[],
): Map<number, TraceTotals> {
  const totals = new Map<number, TraceTotals>();
  for (const row of rows) {
    totals.set(Number(row.key), {
      traces: Number(row.traces),
      latencyCount: Number(row.latency_count),
      latencySum: Number(row.latency_sum),
    });
  }
  return totals;
}

/** The traces whose time is in range, as {@link traceTotalsQuery} selects them. */
export async function readTraceTotals(
  db: Db,
  range: TimeRange | undefined,
  group: 'all' | BucketSize,
): Promise<Map<number, TraceTotals>> {
  const query = traceTotalsQuery(db, range, group);
  return query === null ? new Map() : traceTotalsFrom(await query.execute());
}

/**
 * The select of the sessions whose first call of each agent (of `agent` only, when named) is in
 * range: whole days and hours from the first-call rollups, the edges from the first calls
 * themselves. Null when the range reads nothing.
 */
export function firstCallsQuery(db: Db, range: TimeRange | undefined, agent?: string) {
  const plan = planRange(range, true);
  const ofAgent = agent === undefined ? sql<boolean>`true` : sql<boolean>`agent = ${agent}`;
  const parts = unionAll([
    ...rollupSpans(plan, { day: 'day', hour: 'hour' } as const).map(({ table, span }) =>
      db
        .selectFrom(FIRST_CALL_ROLLUPS[table].table)
        .select(['agent', 'sessions'])
        .where(inSpan('bucket', span))
        .where(ofAgent),
    ),
    ...plan.raw.map((span) =>
      db
        .selectFrom('agent_first')
        .select(['agent', sql<Num>`1`.as('sessions')])
        .where(inSpan('first_start', span))
        .where(ofAgent),
    ),
  ]);
  if (parts === null) return null;
  return db
    .selectFrom(parts.as('parts'))
    .select(['agent', sql<Num>`sum(sessions)`.as('sessions')])
    .groupBy('agent');
}

/** Sessions by agent from {@link firstCallsQuery}'s rows. */
export function firstCallsFrom(
  rows: readonly { agent: string; sessions: Num }[],
): Map<string, number> {
  return new Map(rows.map((row) => [row.agent, Number(row.sessions)]));
}

/** The sessions whose first call of each agent is in range, as {@link firstCallsQuery} selects them. */
export async function readFirstCallSessions(
  db: Db,
  range: TimeRange | undefined,
  agent?: string,
): Promise<Map<string, number>> {
  const query = firstCallsQuery(db, range, agent);
  return query === null ? new Map() : firstCallsFrom(await query.execute());
}
