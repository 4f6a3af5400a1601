import { HOUR, observation, T0 } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore, type PostgresDashboardStore } from '../src/index';
import { freshSchema } from './support/schemas';

const url = inject('postgresUrl');
/** Each rollup table and the columns of its key. */
const TABLES = {
  fact_hour: 5,
  fact_day: 5,
  fact_hour_sketch: 3,
  fact_day_sketch: 3,
  fact_hour_sketch_all: 1,
  fact_day_sketch_all: 1,
} as const;

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

/** Every rollup row of a schema, in key order, numbers as strings. */
async function rollupRows(schema: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const [table, keyColumns] of Object.entries(TABLES)) {
    const order = Array.from({ length: keyColumns }, (_, index) => index + 1).join(', ');
    const result = await client.query(`select * from ${schema}.${table} order by ${order}`);
    rows[table] = result.rows.map((row) => ({
      ...row,
      // Sums of floats may differ in the last bits with the order they were added in.
      cost: row.cost === undefined ? undefined : Number(row.cost).toPrecision(12),
      latency_sum:
        row.latency_sum === undefined ? undefined : Number(row.latency_sum).toPrecision(12),
    }));
  }
  return rows;
}

describe('fact rollups', () => {
  let store: PostgresDashboardStore;
  let schema: string;
  beforeAll(async () => {
    schema = freshSchema();
    store = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
  });
  afterAll(() => store.close());

  it('equal a rebuild after versions that move hour, agent and model, and leave no empty row', async () => {
    const call = (
      id: string,
      name: string | null,
      model: string | null,
      start: number,
      updatedAt: number,
    ) =>
      observation({
        id,
        sessionId: 's1',
        name,
        model,
        type: 'GENERATION',
        startTime: start,
        endTime: start + 100 + updatedAt,
        updatedAt,
        level: updatedAt > 1 ? 'ERROR' : 'DEFAULT',
      });
    await store.upsert({
      observations: [
        call('o1', 'Mortal', 'gpt-4o', T0, 1),
        call('o2', 'Mortal', 'gpt-4o', T0 + 10, 1),
        call('o3', null, null, T0 + 2 * HOUR, 1),
      ],
    });
    // o1 moves to another agent, model and day; o3 gains an agent; o2 is re-delivered as is.
    await store.upsert({
      observations: [
        call('o1', 'Cupid', 'claude', T0 + 30 * HOUR, 2),
        call('o2', 'Mortal', 'gpt-4o', T0 + 10, 1),
        call('o3', 'Mortal', null, T0 + 2 * HOUR, 3),
      ],
    });
    const incremental = await rollupRows(schema);
    expect(incremental.fact_hour).toHaveLength(3);
    // Sketches: Mortal at T0 and T0 + 2h, Cupid at T0 + 30h; over all agents, the same three hours.
    expect(incremental.fact_hour_sketch).toHaveLength(3);
    expect(incremental.fact_hour_sketch_all).toHaveLength(3);
    expect(
      incremental.fact_hour?.every((row) => Number((row as { calls: string }).calls) > 0),
    ).toBe(true);
    await store.refresh('all');
    expect(await rollupRows(schema)).toEqual(incremental);
    const [agent] = (await store.listAgents({})).filter((summary) => summary.name === 'Mortal');
    expect(agent?.calls).toBe(2);
    expect(agent?.lastSeenAt).toBe(T0 + 2 * HOUR);
  });
});
