import { observation, T0 } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore, type PostgresDashboardStore } from '../src/index';
import { freshSchema } from './support/schemas';

describe('planner statistics', () => {
  const url = inject('postgresUrl');
  const schema = freshSchema();
  const client = new pg.Client({ connectionString: url });
  let store: PostgresDashboardStore;
  beforeAll(async () => {
    await client.connect();
    store = await createPostgresStore({ connectionString: url }, { schema });
  });
  afterAll(async () => {
    await store.close();
    await client.end();
  });

  /** The observation columns the planner has statistics of. */
  const sampled = async () => {
    const { rows } = await client.query<{ attname: string }>(
      `select attname from pg_stats where schemaname = $1 and tablename = 'observations'
       order by attname`,
      [schema],
    );
    return rows.map((row) => row.attname);
  };
  const page = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) =>
      observation({
        id: `o${from + i}`,
        traceId: `t${Math.floor((from + i) / 3)}`,
        sessionId: `s${Math.floor((from + i) / 30)}`,
        startTime: T0 + from + i,
      }),
    );

  it('are gathered for the looked-up columns once a bulk load passes 1,000 observations', async () => {
    await store.upsert({ observations: page(0, 600) });
    expect(await sampled()).toEqual([]);
    await store.upsert({ observations: page(600, 600) });
    expect(await sampled()).toEqual(['eff_session_id', 'id', 'session_id', 'trace_id']);
    const { rows } = await client.query<{ reltuples: number }>(
      'select reltuples from pg_class where oid = to_regclass($1)',
      [`${schema}.observations`],
    );
    expect(rows[0]?.reltuples).toBe(1200);
  });
});
