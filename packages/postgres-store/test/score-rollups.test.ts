import { HOUR, score, T0 } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore, type PostgresDashboardStore } from '../src/index';
import { freshSchema } from './support/schemas';

const url = inject('postgresUrl');
const TABLES = ['score_hour', 'score_hour_bins', 'score_value_hour'] as const;

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

/** Every score rollup row of a schema, in key order. */
async function rollupRows(schema: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const result = await client.query(`select * from ${schema}.${table} order by 1, 2, 3`);
    rows[table] = result.rows.map((row) => ({
      ...row,
      // Sums of floats may differ in the last bits with the order they were added in.
      value_sum: row.value_sum === undefined ? undefined : Number(row.value_sum).toPrecision(12),
    }));
  }
  return rows;
}

describe('score rollups', () => {
  let store: PostgresDashboardStore;
  let schema: string;
  beforeAll(async () => {
    schema = freshSchema();
    store = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
  });
  afterAll(() => store.close());

  it('equal a rebuild after versions that move hour, name and type, and leave no empty row', async () => {
    const numeric = (id: string, value: number, time: number, updatedAt: number) =>
      score({ id, name: 'helpfulness', value, timestamp: time, updatedAt });
    await store.upsert({
      scores: [
        numeric('a', 0.25, T0, 1),
        numeric('b', -0.5, T0 + 10, 1),
        score({
          id: 'c',
          name: 'label',
          dataType: 'CATEGORICAL',
          value: null,
          stringValue: 'ok',
          timestamp: T0,
          updatedAt: 1,
        }),
      ],
    });
    // a moves two hours on; b becomes a boolean of another name; c is re-delivered as is.
    await store.upsert({
      scores: [
        numeric('a', 0.75, T0 + 2 * HOUR, 2),
        score({
          id: 'b',
          name: 'liked',
          dataType: 'BOOLEAN',
          value: 1,
          stringValue: 'True',
          timestamp: T0 + 10,
          updatedAt: 2,
        }),
        score({
          id: 'c',
          name: 'label',
          dataType: 'CATEGORICAL',
          value: null,
          stringValue: 'ok',
          timestamp: T0,
          updatedAt: 1,
        }),
      ],
    });
    const incremental = await rollupRows(schema);
    expect(incremental.score_hour).toHaveLength(3);
    expect(incremental.score_hour_bins).toHaveLength(1);
    expect(incremental.score_value_hour).toHaveLength(2);
    await store.refresh('all');
    expect(await rollupRows(schema)).toEqual(incremental);
    const names = (await store.listScores({})).map((summary) => [
      summary.name,
      summary.count,
      summary.mean,
    ]);
    expect(names).toEqual([
      ['helpfulness', 1, 0.75],
      ['label', 1, null],
      ['liked', 1, 1],
    ]);
  });
});
