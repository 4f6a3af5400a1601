import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, cupidPreset, StoreError } from '@cupid-dashboard/core';
import { assertSameAnswer, observation, T0, trace } from '@cupid-dashboard/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index';

describe('createSqliteStore on a file', () => {
  let directory: string;
  let path: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
    path = join(directory, 'store.db');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('sets WAL, its checkpoint interval and the busy timeout', async () => {
    const store = await createSqliteStore({ path, busyTimeoutMs: 1234 });
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(store.database.pragma('synchronous', { simple: true })).toBe(1);
    // The log is copied back every 64 MiB of 4 KiB pages, and cut back to that size.
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    expect(store.database.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    await store.close();
    const defaults = await createSqliteStore({ path });
    expect(defaults.database.pragma('busy_timeout', { simple: true })).toBe(5000);
    await defaults.close();
  });

  it('fills the search grams of a file written before them from its search text', async () => {
    const first = await createSqliteStore({ path });
    const say = (id: string, sessionId: string, content: string) =>
      observation({ id, sessionId, input: [{ role: 'user', content }], startTime: T0 });
    await first.upsert({ observations: [say('o1', 's1', 'xy'), say('o2', 's2', 'x\ny')] });
    await first.close();
    // The file as the previous schema left it: no grams, the migration not run.
    const raw = new Database(path);
    raw.exec(
      `drop table session_chars; drop table session_pairs; drop table scores; drop table score_hour;
       drop table score_value_hour; delete from counters where name = 'scores';
       drop table rollup_total_hour; drop table rollup_total_day;
       drop table score_group_hour; drop table score_session;
       delete from kysely_migration
       where name in ('0003_session_grams', '0004_scores', '0005_rollup_totals',
         '0006_score_follows')`,
    );
    raw.close();

    const second = await createSqliteStore({ path });
    const ids = async (search: string) =>
      (await second.listSessions({ search, sort: 'id', order: 'asc' })).items.map((row) => row.id);
    expect(await ids('xy')).toEqual(['s1']);
    expect(await ids('y')).toEqual(['s1', 's2']);
    expect(await ids('s2')).toEqual(['s2']);
    await second.close();
  });

  it('keeps its data across a reopen and migrates only once', async () => {
    const first = await createSqliteStore({ path });
    await first.upsert({
      traces: [trace({ id: 't', sessionId: 's', userId: 'u' })],
      observations: [observation({ id: 'o', traceId: 't', name: 'Mortal', totalCost: 0.5 })],
    });
    await first.saveSyncState({ watermark: 42 });
    expect(await first.acquireLease('owner', 60_000, 1000)).toBe(true);
    await first.close();

    const second = await createSqliteStore({ path });
    const migrations = second.database.prepare('select name from kysely_migration').all() as Array<{
      name: string;
    }>;
    expect(migrations.map((row) => row.name)).toEqual([
      '0001_initial',
      '0002_data_version',
      '0003_session_grams',
      '0004_scores',
      '0005_rollup_totals',
      '0006_score_follows',
    ]);
    expect(await second.getSession({ id: 's' })).toMatchObject({ userId: 'u', cost: 0.5 });
    expect((await second.getSyncState()).watermark).toBe(42);
    expect(await second.getLease()).toEqual({
      owner: 'owner',
      acquiredAt: 1000,
      expiresAt: 61_000,
    });
    expect(await second.counts()).toEqual({
      records: { sessions: 0, traces: 1, observations: 1, scores: 0 },
      derived: { sessions: 1, traces: 1, agents: 1, models: 0, scoreNames: 0 },
    });
    await second.close();
  });

  it('answers queries while another connection holds a write transaction', async () => {
    const store = await createSqliteStore({ path, busyTimeoutMs: 100 });
    await store.upsert({ observations: [observation({ id: 'o', sessionId: 's' })] });
    const other = new Database(path);
    other.exec('begin immediate');
    other.exec("insert into counters (name, value) values ('held', 1)");
    try {
      expect((await store.listSessions()).total).toBe(1);
      expect(await store.getSyncState()).toMatchObject({ status: 'idle' });
      // A write cannot get the lock: after the busy timeout it fails as unavailable.
      const blocked = await store
        .upsert({ observations: [observation({ id: 'o2' })] })
        .catch((error: unknown) => error);
      expect(blocked).toBeInstanceOf(StoreError);
      expect((blocked as StoreError).code).toBe('STORE_UNAVAILABLE');
    } finally {
      other.exec('rollback');
      other.close();
    }
    await store.upsert({ observations: [observation({ id: 'o2' })] });
    expect((await store.counts()).records.observations).toBe(2);
    await store.close();
  });
});

describe('createSqliteStore on a connection you own', () => {
  it('uses it and leaves it open on close', async () => {
    const database = new Database(':memory:');
    const store = await createSqliteStore({ database });
    expect(store.database).toBe(database);
    await store.upsert({ observations: [observation({ id: 'o', sessionId: 's' })] });
    expect((await store.listSessions()).total).toBe(1);
    await store.close();
    expect(database.open).toBe(true);
    expect(database.prepare('select count(*) as n from observations').get()).toEqual({ n: 1 });
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    database.close();
  });
});

describe('derived data', () => {
  it('re-reads a trace whose earliest observation moved, like the reference', async () => {
    const store = await createSqliteStore({ path: ':memory:' });
    const reference = createMemoryStore();
    const first = {
      traces: [trace({ id: 't', sessionId: 's', timestamp: T0 + 5000 })],
      observations: [
        observation({ id: 'a', traceId: 't', startTime: T0, endTime: T0 + 1000 }),
        observation({ id: 'b', traceId: 't', startTime: T0 + 2000, endTime: T0 + 9000 }),
      ],
    };
    // The new version of `b` ends earlier: the trace's latest end moves back to T0 + 4000.
    const moved = {
      observations: [
        observation({ id: 'b', traceId: 't', startTime: T0 + 3000, endTime: T0 + 4000 }),
      ],
    };
    for (const target of [store, reference]) {
      await target.upsert(first);
      await target.upsert(moved);
    }
    const now = T0 + 60_000;
    const [actual, expected] = [
      await store.getDashboard({ now }),
      await reference.getDashboard({ now }),
    ];
    expect(actual.kpis.avgTraceLatencyMs).toBe(4000);
    assertSameAnswer('kpis', actual.kpis, expected.kpis);
    await store.close();
  });

  it('rebuilds chapters with the preset it is opened with', async () => {
    const database = new Database(':memory:');
    const cupid = await createSqliteStore({ database });
    await cupid.upsert({ observations: [observation({ id: 'o', sessionId: 's', name: 'Match' })] });
    expect((await cupid.getSession({ id: 's' }))?.chapterReached).toBe(2);
    await cupid.close();

    const preset = { ...cupidPreset, agentChapters: { ...cupidPreset.agentChapters, Match: 5 } };
    const custom = await createSqliteStore({ database, preset });
    const rebuilt = await custom.refresh('all');
    expect(rebuilt).toMatchObject({ sessions: 1, agents: 1 });
    expect((await custom.getSession({ id: 's' }))?.chapterReached).toBe(5);
    await custom.close();
    database.close();
  });
});
