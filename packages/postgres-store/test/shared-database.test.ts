import { isStoreError } from '@cupid-dashboard/core';
import { observation, session, T0, trace } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPostgresStore, MIGRATIONS, type PostgresDashboardStore } from '../src/index';
import { freshSchema } from './support/schemas';

const url = inject('postgresUrl');
const opened: PostgresDashboardStore[] = [];

async function open(schema: string): Promise<PostgresDashboardStore> {
  const store = await createPostgresStore({ connectionString: url }, { schema, poolSize: 3 });
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe('several stores on one database', () => {
  it('migrates a new schema once when several instances open it at the same time', async () => {
    const schema = freshSchema();
    const stores = await Promise.all([open(schema), open(schema), open(schema), open(schema)]);
    expect(stores.map((store) => store.engine)).toEqual(Array(4).fill('postgresql'));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select name from ${schema}.kysely_migration order by name`,
      );
      expect(rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await client.end();
    }
  });

  it('shows what one instance writes to every other at once', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    await a.upsert({
      sessions: [session('s1')],
      traces: [trace({ id: 't1', sessionId: 's1', userId: 'alice' })],
      observations: [observation({ id: 'o1', traceId: 't1', name: 'Mortal', startTime: T0 })],
    });
    const page = await b.listSessions({});
    expect(page.items.map((row) => [row.id, row.userId, row.observationCount])).toEqual([
      ['s1', 'alice', 1],
    ]);
    expect((await b.listAgents({})).map((agent) => [agent.name, agent.calls])).toEqual([
      ['Mortal', 1],
    ]);
  });

  it('loses nothing when two instances write the same sessions at once', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const batch = (from: number, store: PostgresDashboardStore) =>
      store.upsert({
        observations: Array.from({ length: 200 }, (_, i) =>
          observation({
            id: `o${from + i}`,
            sessionId: `s${i % 10}`,
            traceId: `t${i % 20}`,
            name: 'Mortal',
            startTime: T0 + from + i,
          }),
        ),
      });
    await Promise.all([batch(0, a), batch(1000, b), batch(2000, a), batch(3000, b)]);
    const counts = await a.counts();
    expect(counts.records.observations).toBe(800);
    const sessions = await b.listSessions({ limit: 200 });
    expect(sessions.items.reduce((sum, row) => sum + row.observationCount, 0)).toBe(800);
    expect((await b.getAgent({ name: 'Mortal' }))?.calls).toBe(800);
  });

  it('gives the lease to one instance until it expires, whichever instance asks', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const results = await Promise.all([
      a.acquireLease('a', 30_000, T0),
      b.acquireLease('b', 30_000, T0),
      a.acquireLease('c', 30_000, T0),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = (await b.getLease())?.owner;
    expect(await b.renewLease(holder ?? '', 30_000, T0 + 1000)).toBe(true);
    expect(await a.acquireLease('late', 30_000, T0 + 31_000 - 1)).toBe(false);
    expect(await a.acquireLease('late', 30_000, T0 + 31_000)).toBe(true);
  });

  it('keeps its data across a reopen', async () => {
    const schema = freshSchema();
    const first = await open(schema);
    await first.upsert({ sessions: [session('kept')] });
    await first.saveSyncState({ watermark: T0 });
    await first.close();
    const second = await open(schema);
    expect((await second.getSession({ id: 'kept' }))?.id).toBe('kept');
    expect((await second.getSyncState()).watermark).toBe(T0);
  });
});

describe('connections', () => {
  it('uses a pool you pass and leaves it open', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const store = await createPostgresStore({ pool }, { schema: freshSchema() });
      await store.upsert({ sessions: [session('s1')] });
      await store.close();
      const { rows } = await pool.query('select 1 as one');
      expect(rows[0]?.one).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('rejects with STORE_UNAVAILABLE when the server cannot be reached', async () => {
    const unreachable = url.replace(/:(\d+)\//, ':1/');
    const error = await createPostgresStore(
      { connectionString: unreachable },
      { connectTimeoutMs: 2000 },
    ).catch((caught: unknown) => caught);
    expect(isStoreError(error) && error.code).toBe('STORE_UNAVAILABLE');
    // The message names no credential.
    expect(String((error as Error).message)).not.toContain('postgres:postgres');
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    const error = await createPostgresStore(
      { connectionString: url },
      { schema: 'x"; drop table y; --' },
    ).catch((caught: unknown) => caught);
    expect(isStoreError(error) && error.code).toBe('STORE_UNAVAILABLE');
  });
});
