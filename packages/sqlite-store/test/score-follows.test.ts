import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differences, generateCupidDataset, renamedVersions } from '@cupid-dashboard/core/testing';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteDashboardStore } from '../src/index';
import { scoreFollowRows, scoreFollowTruth, UNDO_SCORE_FOLLOWS } from './fixtures/score-follows';

describe('score rollups that follow later writes', () => {
  let directory: string;
  let path: string;
  let store: SqliteDashboardStore;
  const dataset = generateCupidDataset({ seed: 5, sessions: 40, lateUpdates: 0.1 });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sqlite-store-score-follows-'));
    path = join(directory, 'scores.db');
    store = await createSqliteStore({ path });
    const { sessions, traces, observations, scores, lateScores, lateUpdates } = dataset;
    const half = Math.floor(scores.length / 2);
    // Half the scores before their traces and observations, half after, then new versions.
    const batches = [
      { scores: scores.slice(0, half) },
      { sessions, traces, observations },
      { scores: scores.slice(half) },
      { observations: [...lateUpdates, ...renamedVersions(observations)] },
      { scores: lateScores },
    ];
    for (const batch of batches) {
      const { touched } = await store.upsert(batch);
      await store.refresh(touched);
    }
  });

  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('equal the raw records joined and grouped, and a full rebuild', async () => {
    const rows = scoreFollowRows(store.database);
    expect(rows.groups.length).toBeGreaterThan(20);
    expect(rows.groups.some((row) => String(row.key).endsWith('-v2'))).toBe(true);
    expect(rows.sessions.length).toBeGreaterThan(20);
    expect(rows).toEqual(scoreFollowTruth(store.database));
    await store.refresh('all');
    expect(scoreFollowRows(store.database)).toEqual(rows);
  });

  it('are filled on a file written before them', async () => {
    const before = scoreFollowRows(store.database);
    const detail = await store.getScore({ name: 'helpfulness', lowestSessionsLimit: 100 });
    await store.close();
    const raw = new Database(path);
    raw.exec(UNDO_SCORE_FOLLOWS);
    raw.close();

    store = await createSqliteStore({ path });
    expect(scoreFollowRows(store.database)).toEqual(before);
    const after = await store.getScore({ name: 'helpfulness', lowestSessionsLimit: 100 });
    expect(differences(after, detail)).toEqual([]);
  });
});
