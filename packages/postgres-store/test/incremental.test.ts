import type { ObservationRecord, TraceRecord } from '@cupid-dashboard/core';
import { streamCupidDataset } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore, type PostgresDashboardStore } from '../src/index';
import { freshSchema } from './support/schemas';

const url = inject('postgresUrl');
const TABLES = {
  session_agg: 'id',
  trace_agg: 'id',
  agent_first: 'agent, session_id',
  counters: 'name',
  trace_hour: 'bucket',
  trace_day: 'bucket',
  agent_first_hour: 'agent, bucket',
  agent_first_day: 'agent, bucket',
} as const;
const FLOATS = new Set(['cost', 'tokens_input', 'tokens_output', 'tokens_total', 'latency_sum']);

/** A column's value as compared: float sums to 12 digits (their order differs), search lines as a set. */
function comparable(column: string, value: unknown): unknown {
  if (FLOATS.has(column)) return Number(value).toPrecision(12);
  if (column === 'body') return String(value).split('\n').sort();
  return value;
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

/** Every derived row of a schema in key order, as compared. */
async function derivedRows(schema: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const result = await client.query(`select * from ${schema}.${table} order by ${order}`);
    rows[table] = result.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [column, comparable(column, value)]),
      ),
    );
  }
  return rows;
}

/**
 * The dataset delivered the way a sync meets it: observations a page before their traces,
 * late versions two pages after their first ones, so pages both add to sessions and traces and
 * replace what is stored.
 */
function* deliveries(): Generator<{ traces: TraceRecord[]; observations: ObservationRecord[] }> {
  let heldTraces: TraceRecord[] = [];
  const late: ObservationRecord[][] = [[], []];
  for (const chunk of streamCupidDataset({ sessions: 40, seed: 11, lateUpdates: 0.2 })) {
    yield { traces: heldTraces, observations: [...chunk.observations, ...(late.shift() ?? [])] };
    heldTraces = chunk.traces;
    late.push(chunk.lateUpdates);
  }
  yield { traces: heldTraces, observations: late.flat() };
}

describe('incremental aggregates', () => {
  let store: PostgresDashboardStore;
  let schema: string;
  beforeAll(async () => {
    schema = freshSchema();
    store = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
  });
  afterAll(() => store.close());

  it('equal a rebuild after pages that add to and replace stored sessions and traces', async () => {
    let replaced = 0;
    for (const page of deliveries()) {
      const before = (await store.counts()).records.observations;
      const { written } = await store.upsert(page);
      replaced += written.observations - ((await store.counts()).records.observations - before);
    }
    expect(replaced).toBeGreaterThan(0);
    const incremental = await derivedRows(schema);
    expect(incremental.session_agg).toHaveLength(40);
    await store.refresh('all');
    expect(await derivedRows(schema)).toEqual(incremental);
  });
});
