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
 * The traces whose time is in range, in total (`group` 'all', key 0) or per UTC bucket: whole
 * days and hours from the trace rollups, the partial hours at the edges from the trace
 * aggregates (core's `planRange`). Exactly the sums over the traces in range.
 */
export async function readTraceTotals(
  db: Db,
  range: TimeRange | undefined,
  group: 'all' | BucketSize,
): Promise<Map<number, TraceTotals>> {
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
  const totals = new Map<number, TraceTotals>();
  if (parts === null) return totals;
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select([
      'key',
      sql<string>`sum(traces)`.as('traces'),
      sql<string>`sum(latency_count)`.as('latency_count'),
      sql<number>`sum(latency_sum)`.as('latency_sum'),
    ])
    .groupBy('key')
    .having(sql<boolean>`sum(traces) > 0`)
    .execute();
  for (const row of rows) {
    totals.set(Number(row.key), {
      traces: Number(row.traces),
      latencyCount: Number(row.latency_count),
      latencySum: Number(row.latency_sum),
    });
  }
  return totals;
}

/**
 * Sessions whose first call of each agent (of `agent` only, when named) is in range: whole days
 * and hours from the first-call rollups, the edges from the first calls themselves.
 */
export async function readFirstCallSessions(
  db: Db,
  range: TimeRange | undefined,
  agent?: string,
): Promise<Map<string, number>> {
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
  if (parts === null) return new Map();
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select(['agent', sql<string>`sum(sessions)`.as('sessions')])
    .groupBy('agent')
    .execute();
  return new Map(rows.map((row) => [row.agent, Number(row.sessions)]));
}
