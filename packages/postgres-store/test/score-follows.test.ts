import { differences, generateCupidDataset, renamedVersions } from '@cupid-dashboard/core/testing';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createPostgresStore } from '../src/index';
import { roundingFloats, storeTables } from './support/table-rows';
import { undoScoreFollows } from './support/undo-score-follows';

describe('score rollups that follow later writes', () => {
  const tables = storeTables(
    { score_group_hour: '1, 2, 3, 4', score_session: '1, 2' },
    roundingFloats(['value_sum', 'mean']),
  );
  const dataset = generateCupidDataset({ seed: 5, sessions: 40, lateUpdates: 0.1 });

  it('equal a rebuild and a migration of the same records after writes in any order', async () => {
    const { sessions, traces, observations, scores, lateScores, lateUpdates } = dataset;
    const half = Math.floor(scores.length / 2);
    // Half the scores before their traces and observations, half after, then new versions.
    for (const batch of [
      { scores: scores.slice(0, half) },
      { sessions, traces, observations },
      { scores: scores.slice(half) },
      { observations: [...lateUpdates, ...renamedVersions(observations)] },
      { scores: lateScores },
    ]) {
      await tables.store.upsert(batch);
    }
    const incremental = await tables.rows();
    expect(incremental.score_group_hour?.length).toBeGreaterThan(20);
    expect(
      incremental.score_group_hour?.some((row) =>
        String((row as { key: string }).key).endsWith('-v2'),
      ),
    ).toBe(true);
    expect(incremental.score_session?.length).toBeGreaterThan(20);
    const detail = await tables.store.getScore({ name: 'helpfulness', lowestSessionsLimit: 100 });

    await tables.store.refresh('all');
    expect(await tables.rows()).toEqual(incremental);

    // The schema as a database made before the rollups, opened again: the migration fills them.
    const url = inject('postgresUrl');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { schema } = tables;
    await undoScoreFollows(client, schema);
    await client.end();
    const reopened = await createPostgresStore({ connectionString: url }, { schema, poolSize: 2 });
    try {
      expect(await tables.rows()).toEqual(incremental);
      const after = await reopened.getScore({ name: 'helpfulness', lowestSessionsLimit: 100 });
      expect(differences(after, detail)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
