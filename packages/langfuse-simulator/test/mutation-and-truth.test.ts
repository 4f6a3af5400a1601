import { generateCupidDataset } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { checksumRecords, createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { observation, smallWorld, T0, trace } from './helpers/records';

describe('publish, applyLateUpdates and truth', () => {
  it('serves published records and replaces a record by id', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    const before = sim.truth();
    sim.publish({
      traces: [trace('t9', T0 + 120_000, { sessionId: 's9' })],
      observations: [
        observation('o9', 't9', T0 + 120_000, { totalCost: 1 }),
        observation('o3', 't2', T0 + 10_000, { endTime: T0 + 12_000, totalCost: 0.1 }),
      ],
    });
    const after = sim.truth();
    expect(after.counts).toEqual({ sessions: 3, traces: 4, observations: 6 });
    expect(after.checksum).not.toBe(before.checksum);
    // A trace naming an unknown session creates it, as Langfuse ingestion does.
    expect((await get(sim, '/api/public/sessions?limit=1')).body.data[0].id).toBe('s9');
    const t2 = (await get(sim, '/api/public/traces/t2')).body;
    expect(t2).toMatchObject({ latency: 2, totalCost: 0.1 });
    const v2 = await get(sim, '/api/public/v2/observations?limit=1&fields=usage');
    expect(v2.body.data[0]).toMatchObject({ id: 'o9', totalCost: 1 });
  });

  it('applies the dataset’s late updates', async () => {
    const world = smallWorld();
    const late = observation('o3', 't2', T0 + 10_000, {
      endTime: T0 + 14_000,
      totalCost: 0.3,
      updatedAt: T0 + 900_000,
    });
    const sim = createLangfuseSimulator({ dataset: { ...world, lateUpdates: [late] } });
    const before = sim.truth().checksum;
    expect(sim.applyLateUpdates()).toBe(1);
    const truth = sim.truth();
    expect(truth.observations.find((o) => o.id === 'o3')).toEqual(late);
    expect(truth.checksum).not.toBe(before);
    const row = (await get(sim, '/api/public/v2/observations?traceId=t2&fields=time,usage')).body
      .data[0];
    expect(row).toMatchObject({ endTime: '2026-11-20T10:00:14.000Z', totalCost: 0.3 });
    expect(row.updatedAt).toBe(new Date(T0 + 900_000).toISOString());
  });

  it('gives the same checksum for the same records in any order', () => {
    const world = smallWorld();
    const sim = createLangfuseSimulator({ dataset: world });
    const shuffled = {
      sessions: [...world.sessions].reverse(),
      traces: [...world.traces].reverse(),
      observations: [...world.observations].reverse(),
    };
    expect(checksumRecords(shuffled).all).toBe(sim.truth().checksum);
    expect(checksumRecords(shuffled)).toEqual(sim.truth().checksums());
    const changed = { ...shuffled, observations: [...shuffled.observations] };
    changed.observations[0] = { ...changed.observations[0]!, level: 'ERROR' };
    const after = checksumRecords(changed);
    expect(after.all).not.toBe(sim.truth().checksum);
    expect(after.traces).toBe(sim.truth().checksums().traces);
    // The legacy scope ignores updatedAt, which legacy observations do not carry.
    const touched = { observations: [{ ...world.observations[0]!, updatedAt: 123 }] };
    const original = { observations: [world.observations[0]!] };
    expect(checksumRecords(touched, 'legacy').observations).toBe(
      checksumRecords(original, 'legacy').observations,
    );
    expect(checksumRecords(touched).observations).not.toBe(checksumRecords(original).observations);
  });

  it('serves a generated Cupid dataset through both generations', async () => {
    const dataset = generateCupidDataset({ seed: 3, sessions: 4, lateUpdates: 0.2 });
    const sim = createLangfuseSimulator({ dataset });
    const truth = sim.truth();
    expect(truth.counts.observations).toBe(new Set(dataset.observations.map((o) => o.id)).size);
    const v1 = await get(sim, '/api/public/observations?limit=1');
    expect(v1.body.meta.totalItems).toBe(truth.counts.observations);
    const traces = await get(sim, '/api/public/traces?limit=1');
    expect(traces.body.meta.totalItems).toBe(dataset.traces.length);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const c = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await get(sim, `/api/public/v2/observations?limit=1000${c}`);
      for (const row of page.body.data) seen.add(row.id);
      cursor = page.body.meta.cursor;
    } while (cursor);
    expect(seen.size).toBe(truth.counts.observations);
    expect(sim.applyLateUpdates()).toBe(dataset.lateUpdates.length);
    expect(sim.truth().counts.observations).toBe(truth.counts.observations);
  });
});
