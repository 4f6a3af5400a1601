import type { TimeRange } from '@cupid-dashboard/core';
import { planRange, rollupSpans } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { inSpan } from './rollup-spans';

/** Traces of one rollup row or one raw edge slice. */
export interface TracePart {
  /** Bucket start, or the trace's time for an edge. */
  time: number;
  traces: number;
  latencyCount: number;
  latencySum: number;
}

/**
 * Traces whose time is in range, from the hourly and daily trace rollups plus the raw trace
 * aggregates at the partial-hour edges.
 */
export async function readTraceParts(
  db: Db,
  range: TimeRange | undefined,
  hourly: boolean,
): Promise<TracePart[]> {
  const plan = planRange(range, !hourly);
  const parts: TracePart[] = [];
  for (const { table, span } of rollupSpans(plan, { day: 'trace_day', hour: 'trace_hour' })) {
    const select = inSpan(db.selectFrom(table as 'trace_hour'), span).selectAll();
    for (const row of await select.execute()) {
      parts.push({
        time: row.bucket,
        traces: row.traces,
        latencyCount: row.latency_count,
        latencySum: row.latency_sum,
      });
    }
  }
  for (const span of plan.raw) {
    const rows = await db
      .selectFrom('trace_agg')
      .select([
        'timestamp',
        sql<number>`count(*)`.as('traces'),
        sql<number>`count(latency_ms)`.as('latency_count'),
        sql<number>`coalesce(sum(latency_ms), 0)`.as('latency_sum'),
      ])
      .where('timestamp', '>=', span.from)
      .where('timestamp', '<', span.to)
      .groupBy('timestamp')
      .execute();
    for (const row of rows) {
      parts.push({
        time: row.timestamp,
        traces: Number(row.traces),
        latencyCount: Number(row.latency_count),
        latencySum: row.latency_sum,
      });
    }
  }
  return parts;
}
