import { HOUR, observation, T0 } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { roundingFloats, storeTables } from './support/table-rows';

/** Each rollup table, read in the order of its key's columns. */
const TABLES = {
  fact_hour: '1, 2, 3, 4, 5',
  fact_day: '1, 2, 3, 4, 5',
  fact_hour_sketch: '1, 2, 3',
  fact_day_sketch: '1, 2, 3',
  fact_hour_sketch_all: '1',
  fact_day_sketch_all: '1',
} as const;

describe('fact rollups', () => {
  const tables = storeTables(TABLES, roundingFloats(['cost', 'latency_sum']));

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
    await tables.store.upsert({
      observations: [
        call('o1', 'Mortal', 'gpt-4o', T0, 1),
        call('o2', 'Mortal', 'gpt-4o', T0 + 10, 1),
        call('o3', null, null, T0 + 2 * HOUR, 1),
      ],
    });
    // o1 moves to another agent, model and day; o3 gains an agent; o2 is re-delivered as is.
    await tables.store.upsert({
      observations: [
        call('o1', 'Cupid', 'claude', T0 + 30 * HOUR, 2),
        call('o2', 'Mortal', 'gpt-4o', T0 + 10, 1),
        call('o3', 'Mortal', null, T0 + 2 * HOUR, 3),
      ],
    });
    const incremental = await tables.rows();
    expect(incremental.fact_hour).toHaveLength(3);
    // Sketches: Mortal at T0 and T0 + 2h, Cupid at T0 + 30h; over all agents, the same three hours.
    expect(incremental.fact_hour_sketch).toHaveLength(3);
    expect(incremental.fact_hour_sketch_all).toHaveLength(3);
    expect(
      incremental.fact_hour?.every((row) => Number((row as { calls: string }).calls) > 0),
    ).toBe(true);
    await tables.store.refresh('all');
    expect(await tables.rows()).toEqual(incremental);
    const [agent] = (await tables.store.listAgents({})).filter(
      (summary) => summary.name === 'Mortal',
    );
    expect(agent?.calls).toBe(2);
    expect(agent?.lastSeenAt).toBe(T0 + 2 * HOUR);
  });
});
