import { type ScoreRecord, scoreToRecord, scoreV3ToRecord } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { checksumRecords } from '../../src/index';
import { collect, connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';

const V3 = 'GET /api/public/v3/scores';
const LEGACY = 'GET /api/public/v2/scores';

const analysable = (record: ScoreRecord | null): record is ScoreRecord => record !== null;

describe.each(TRANSPORTS)('scores over %s', (_name, transport) => {
  // 80 sessions with late data: 10% of scores arrive late, 10% of helpfulness scores are re-run.
  const dataset = generateCupidDataset({ seed: 11, sessions: 80, lateUpdates: 0.1 });

  it('walks every v3 score in ceil(N / 100) requests and reads exactly the truth', async () => {
    const { sim, client } = await connect(transport, { dataset });
    const truth = sim.truth();
    expect(truth.scores.length).toBe(dataset.scores.length);
    expect(truth.scores.length).toBeGreaterThan(200);

    const pages = await collect(client.paginateScoresV3({ fields: ['details', 'subject'] }));
    const records = pages.flatMap((page) => page.data.map(scoreV3ToRecord)).filter(analysable);

    expect(sim.requestCounts()).toEqual({ [V3]: Math.ceil(truth.scores.length / 100) });
    expect(pages.every((page) => page.data.length <= 100)).toBe(true);
    expect(records).toHaveLength(truth.scores.length);
    expect(checksumRecords({ scores: records }).scores).toBe(truth.checksums().scores);
  });

  it('walks the same scores through the legacy pages to the same records', async () => {
    const { sim, client } = await connect(transport, { dataset });
    const truth = sim.truth();
    const pages = await collect(client.paginateScores());
    const records = pages.flatMap((page) => page.data.map(scoreToRecord)).filter(analysable);

    expect(sim.requestCounts()).toEqual({ [LEGACY]: Math.ceil(truth.scores.length / 100) });
    expect(pages[0]?.meta.totalItems).toBe(truth.scores.length);
    expect(checksumRecords({ scores: records }).scores).toBe(truth.checksums().scores);
  });

  it('serves late scores and overwritten versions once they arrive, newest first within a window', async () => {
    const { sim, client } = await connect(transport, { dataset });
    const before = sim.truth();
    sim.applyLateUpdates();
    const after = sim.truth();
    const firstIds = new Set(dataset.scores.map((s) => s.id));
    const arrived = dataset.lateScores.filter((s) => !firstIds.has(s.id));
    const overwritten = dataset.lateScores.filter((s) => firstIds.has(s.id));
    expect(arrived.length).toBeGreaterThan(0);
    expect(overwritten.length).toBeGreaterThan(0);
    expect(after.scores.length).toBe(before.scores.length + arrived.length);

    // A two-day window around an overwritten score.
    const changed = overwritten[0] as ScoreRecord;
    const from = new Date(changed.timestamp - 86_400_000);
    const to = new Date(changed.timestamp + 86_400_000);
    const pages = await collect(
      client.paginateScoresV3({
        fields: ['details', 'subject'],
        fromTimestamp: from,
        toTimestamp: to,
      }),
    );
    const records = pages.flatMap((page) => page.data.map(scoreV3ToRecord)).filter(analysable);
    const expected = after.scores.filter(
      (s) => s.timestamp >= from.getTime() && s.timestamp < to.getTime(),
    );
    expect(records.map((r) => r.id)).toEqual(expected.map((s) => s.id));
    expect(records.map((r) => r.timestamp)).toEqual(
      [...records.map((r) => r.timestamp)].sort((a, b) => b - a),
    );
    expect(records.find((r) => r.id === changed.id)).toEqual(changed);
    expect(before.scores.find((s) => s.id === changed.id)?.updatedAt).toBeLessThan(
      changed.updatedAt ?? 0,
    );
  });

  it('answers 404 on the endpoint of a generation it does not serve', async () => {
    const v4 = await connect(
      transport,
      { dataset, generations: { legacy: false } },
      { maxRetries: 0 },
    );
    await expect(v4.client.getScores()).rejects.toMatchObject({ code: 'LANGFUSE_NOT_FOUND' });
    expect((await v4.client.getScoresV3()).data.length).toBe(50);
    const v3Only = await connect(
      transport,
      { dataset, generations: { v2: false } },
      { maxRetries: 0 },
    );
    await expect(v3Only.client.getScoresV3()).rejects.toMatchObject({ code: 'LANGFUSE_NOT_FOUND' });
    expect((await v3Only.client.getScores()).data.length).toBe(50);
  });
});
