import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObservationRecord } from '@cupid-dashboard/core';
import { differences, generateCupidDataset } from '@cupid-dashboard/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLLUP_SUMS } from '../src/db/columns';
import { createSqliteStore, type SqliteDashboardStore } from '../src/index';
import { LatencySketch } from '../src/sketch';
import { UNDO_SCORE_FOLLOWS } from './fixtures/score-follows';

type Row = Record<string, number | string | Uint8Array>;
const HOUR = 3_600_000;

/** A table's rows by bucket, floats rounded and sketches in their canonical encoding. */
function normalized(rows: readonly Row[]): Row[] {
  return [...rows]
    .sort((a, b) => Number(a.bucket) - Number(b.bucket))
    .map((row) => {
      const out: Row = {};
      for (const [key, value] of Object.entries(row)) {
        out[key] =
          value instanceof Uint8Array
            ? Buffer.from(LatencySketch.decode(value).encode()).toString('hex')
            : typeof value === 'number'
              ? Math.round(value * 1e6) / 1e6
              : value;
      }
      return out;
    });
}

/** The rows across agents as the per-agent table adds up, bucket by bucket. */
function summedPerAgent(database: Database.Database, table: string): Row[] {
  const totals = new Map<number, { row: Row; sketch: LatencySketch }>();
  for (const row of database.prepare(`select * from ${table}`).all() as Row[]) {
    const bucket = Number(row.bucket);
    let total = totals.get(bucket);
    if (!total) {
      total = { row: { bucket }, sketch: new LatencySketch() };
      for (const column of ROLLUP_SUMS) total.row[column] = 0;
      totals.set(bucket, total);
    }
    for (const column of ROLLUP_SUMS) {
      const value = Number(row[column]);
      const before = Number(total.row[column]);
      total.row[column] = column === 'max_start' ? Math.max(before, value) : before + value;
    }
    total.sketch.merge(row.bins as Uint8Array);
  }
  return normalized(
    [...totals.values()].map(({ row, sketch }) => ({ ...row, bins: sketch.encode() })),
  );
}

function tableRows(database: Database.Database, table: string): Row[] {
  return normalized(database.prepare(`select * from ${table}`).all() as Row[]);
}

/** Later versions of some observations: moved two hours on, renamed, or the latest of an hour dropped back. */
function moved(observations: readonly ObservationRecord[]): ObservationRecord[] {
  return observations
    .filter((_, index) => index % 7 === 0)
    .map((observation, index) => ({
      ...observation,
      startTime: observation.startTime + (index % 2 === 0 ? 2 * HOUR : -HOUR / 2),
      endTime: observation.endTime === null ? null : observation.endTime + 2 * HOUR,
      name: index % 3 === 0 ? 'Renamed' : observation.name,
      updatedAt: (observation.updatedAt ?? observation.startTime) + 10 * HOUR,
    }));
}

describe('rollups across agents', () => {
  let directory: string;
  let path: string;
  let store: SqliteDashboardStore;
  const dataset = generateCupidDataset({ seed: 11, sessions: 40, lateUpdates: 0.1 });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-store-totals-'));
    path = join(directory, 'totals.db');
    store = await createSqliteStore({ path });
    const { sessions, traces, observations, lateUpdates } = dataset;
    for (let i = 0; i < observations.length; i += 250) {
      const { touched } = await store.upsert({
        sessions: i === 0 ? sessions : [],
        traces: i === 0 ? traces : [],
        observations: observations.slice(i, i + 250),
      });
      await store.refresh(touched);
    }
    for (const batch of [lateUpdates, moved(observations)]) {
      const { touched } = await store.upsert({ observations: batch });
      await store.refresh(touched);
    }
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('equal the per-agent rollups summed per bucket, and a full rebuild, after versions that move hours and agents', async () => {
    const before = {
      hour: tableRows(store.database, 'rollup_total_hour'),
      day: tableRows(store.database, 'rollup_total_day'),
    };
    expect(before.hour.length).toBeGreaterThan(24);
    expect(before.hour).toEqual(summedPerAgent(store.database, 'rollup_hour'));
    expect(before.day).toEqual(summedPerAgent(store.database, 'rollup_day'));

    await store.refresh('all');
    expect(tableRows(store.database, 'rollup_total_hour')).toEqual(before.hour);
    expect(tableRows(store.database, 'rollup_total_day')).toEqual(before.day);
  });

  it('are filled from the per-agent rollups on a file written before them', async () => {
    const before = tableRows(store.database, 'rollup_total_hour');
    const dashboard = await store.getDashboard({
      range: { from: dataset.range.from },
      bucket: 'hour',
    });
    await store.close();
    const raw = new Database(path);
    raw.exec(
      `drop table rollup_total_hour; drop table rollup_total_day;
       ${UNDO_SCORE_FOLLOWS}
       delete from kysely_migration where name = '0005_rollup_totals'`,
    );
    raw.close();

    store = await createSqliteStore({ path });
    expect(tableRows(store.database, 'rollup_total_hour')).toEqual(before);
    expect(tableRows(store.database, 'rollup_total_day')).toEqual(
      summedPerAgent(store.database, 'rollup_day'),
    );
    const after = await store.getDashboard({ range: { from: dataset.range.from }, bucket: 'hour' });
    expect(differences(after, dashboard)).toEqual([]);
  });
});
