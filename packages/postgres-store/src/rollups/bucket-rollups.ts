import { BUCKET_MS, type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { chunks } from '../write/versions';
import { addToRollup, type RollupTarget } from './rollup-upsert';

/** Traces per UTC bucket of their time, with their latencies' count and sum. */
export const TRACE_ROLLUPS = {
  hour: {
    table: 'trace_hour',
    key: ['bucket'],
    sums: ['traces', 'latency_count', 'latency_sum'],
    counted: 'traces',
  },
  day: {
    table: 'trace_day',
    key: ['bucket'],
    sums: ['traces', 'latency_count', 'latency_sum'],
    counted: 'traces',
  },
} as const satisfies Record<BucketSize, RollupTarget>;

/** Sessions per agent and UTC bucket of the agent's first call in them. */
export const FIRST_CALL_ROLLUPS = {
  hour: {
    table: 'agent_first_hour',
    key: ['agent', 'bucket'],
    sums: ['sessions'],
    counted: 'sessions',
  },
  day: {
    table: 'agent_first_day',
    key: ['agent', 'bucket'],
    sums: ['sessions'],
    counted: 'sessions',
  },
} as const satisfies Record<BucketSize, RollupTarget>;

type Family = typeof TRACE_ROLLUPS | typeof FIRST_CALL_ROLLUPS;

/**
 * A batch's changes to one family of hourly and daily rollups (traces, or first calls), added
 * up in memory from the aggregate rows it replaces and writes, then written as one additive
 * upsert per table.
 */
export class BucketDeltas {
  private readonly rows = {
    hour: new Map<string, Record<string, number | string>>(),
    day: new Map<string, Record<string, number | string>>(),
  };

  constructor(private readonly family: Family) {}

  /** Adds `sums × sign` to the rows of `time`'s hour and day (and of `agent`, when keyed by one). */
  shift(time: number, sums: Record<string, number>, sign: 1 | -1, agent?: string): void {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(time, size);
      const id = agent === undefined ? String(bucket) : `${bucket}\0${agent}`;
      let row = this.rows[size].get(id);
      if (!row) {
        row = agent === undefined ? { bucket } : { agent, bucket };
        for (const column of this.family[size].sums) row[column] = 0;
        this.rows[size].set(id, row);
      }
      for (const [column, value] of Object.entries(sums)) {
        row[column] = (row[column] as number) + sign * value;
      }
    }
  }

  /** A trace aggregate's part in the trace rollups. */
  shiftTrace(row: { timestamp: number | string; latency_ms: number | null }, sign: 1 | -1): void {
    this.shift(
      Number(row.timestamp),
      {
        traces: 1,
        latency_count: row.latency_ms === null ? 0 : 1,
        latency_sum: row.latency_ms ?? 0,
      },
      sign,
    );
  }

  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as const) {
      const target = this.family[size];
      const rows = [...this.rows[size].values()].filter((row) =>
        target.sums.some((column) => row[column] !== 0),
      );
      for (const slice of chunks(rows, 2000)) await addToRollup(db, target, slice);
    }
  }
}

function bucketOf(column: 'timestamp' | 'first_start', size: BucketSize) {
  const width = BUCKET_MS[size];
  return sql<number>`(floor(${sql.ref(column)}::float8 / ${width}) * ${width})::bigint`;
}

/** Fills the trace and first-call rollups from every stored aggregate (a rebuild). */
export async function addAllBucketRollups(db: Db): Promise<void> {
  for (const size of ['hour', 'day'] as const) {
    const traces = db
      .selectFrom('trace_agg')
      .select([
        bucketOf('timestamp', size).as('bucket'),
        sql<number>`count(*)`.as('traces'),
        sql<number>`count(latency_ms)`.as('latency_count'),
        sql<number>`coalesce(sum(latency_ms), 0)`.as('latency_sum'),
      ])
      .groupBy(sql`1`);
    await addToRollup(db, TRACE_ROLLUPS[size], traces);
    const firsts = db
      .selectFrom('agent_first')
      .select([
        'agent',
        bucketOf('first_start', size).as('bucket'),
        sql<number>`count(*)`.as('sessions'),
      ])
      .groupBy(sql`1, 2`);
    await addToRollup(db, FIRST_CALL_ROLLUPS[size], firsts);
  }
}
