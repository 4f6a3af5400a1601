import {
  createMemoryStore,
  type DashboardStore,
  type ObservationRecord,
  type TimeRange,
} from '@cupid-dashboard/core';
import { assertSameAnswer, observation, T0 } from '@cupid-dashboard/core/testing';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSchema } from '../src/db/schema';
import { createSqliteStore, type SqliteDashboardStore } from '../src/index';
import { readEdges } from '../src/read/edge-hours';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** One call at `minute` past T0's hour (T0 is on the hour). */
function call(
  id: string,
  minute: number,
  fields: Partial<ObservationRecord> = {},
): ObservationRecord {
  const start = T0 + minute * MINUTE;
  return observation({
    id,
    sessionId: `s-${id}`,
    startTime: start,
    endTime: start + 1000 + minute * 37,
    totalCost: 0.001 * (1 + (minute % 7)),
    usageDetails: { input: 10 + minute, output: 5, total: 15 + minute },
    ...fields,
  });
}

// The first hour holds calls at minutes 2, 5, 10, 20, 40, 50, 55 and 57 of agents, models and
// levels mixed; `Rare` calls only at minute 2 and `Late` only at minute 55, so an edge that drops
// those minutes leaves them nothing in the hour. A later hour gives the ranges whole hours too.
const CALLS = [
  call('a2', 2, { name: 'Rare', model: 'm1' }),
  call('a5', 5, { name: 'Chat', model: 'm1', level: 'ERROR' }),
  call('a10', 10, { name: 'Chat', model: 'm2' }),
  call('a20', 20, { name: 'Chat', model: null, type: 'SPAN' }),
  call('a40', 40, { name: null, model: 'm1' }),
  call('a50', 50, { name: 'Chat', model: 'm1' }),
  call('a55', 55, { name: 'Late', model: 'm2', level: 'ERROR' }),
  call('a57', 57, { name: 'Chat', model: 'm1' }),
  call('b1', 70, { name: 'Chat', model: 'm1' }),
  call('b2', 130, { name: 'Late', model: 'm2' }),
];

/** Ranges whose edge in the first hour has fewer calls outside than inside. */
const RANGES: Record<string, TimeRange> = {
  'starting after minute 5': { from: T0 + 8 * MINUTE },
  'starting after minute 5, ending in a later hour': {
    from: T0 + 8 * MINUTE,
    to: T0 + 190 * MINUTE,
  },
  'ending before minute 55': { from: T0 - 2 * HOUR, to: T0 + 52 * MINUTE },
  'ending before minute 55, open at its start': { to: T0 + 52 * MINUTE },
  'ending on minute 55': { from: T0 - 2 * HOUR, to: T0 + 55 * MINUTE },
};

describe('edge hours answered as their rollup less the calls outside the range', () => {
  let store: SqliteDashboardStore;
  const reference = createMemoryStore();

  beforeAll(async () => {
    store = await createSqliteStore({ path: ':memory:' });
    for (const target of [store, reference] as DashboardStore[]) {
      await target.upsert({ observations: CALLS });
    }
  });
  afterAll(() => store.close());

  it('subtracts those edges (fewer calls outside than inside)', async () => {
    const db = new Kysely<StoreSchema>({
      dialect: new SqliteDialect({ database: store.database }),
    });
    for (const range of Object.values(RANGES)) {
      const edges = await readEdges(db, { range });
      expect(edges.hours).toHaveLength(1);
      expect(edges.raw).toEqual([]);
    }
    // More calls outside than inside: read raw.
    const late = await readEdges(db, { range: { from: T0 + 45 * MINUTE } });
    expect(late.hours).toEqual([]);
    expect(late.raw.map((part) => part.time)).toEqual([
      T0 + 50 * MINUTE,
      T0 + 55 * MINUTE,
      T0 + 57 * MINUTE,
    ]);
  });

  for (const [label, range] of Object.entries(RANGES)) {
    it(`answers like the reference ${label}`, async () => {
      const now = T0 + 3 * HOUR;
      for (const bucket of ['hour', 'day'] as const) {
        assertSameAnswer(
          `getDashboard ${bucket}`,
          await store.getDashboard({ range, bucket, now }),
          await reference.getDashboard({ range, bucket, now }),
        );
      }
      assertSameAnswer(
        'listAgents',
        await store.listAgents({ range }),
        await reference.listAgents({ range }),
      );
      assertSameAnswer(
        'getModelUsage',
        await store.getModelUsage({ range }),
        await reference.getModelUsage({ range }),
      );
      for (const name of ['Chat', 'Rare', 'Late']) {
        assertSameAnswer(
          `getAgent ${name}`,
          await store.getAgent({ name, range }),
          await reference.getAgent({ name, range }),
        );
        assertSameAnswer(
          `getAgentTimeSeries ${name}`,
          await store.getAgentTimeSeries({ name, range, bucket: 'hour' }),
          await reference.getAgentTimeSeries({ name, range, bucket: 'hour' }),
        );
      }
    });
  }

  it('gives an agent its latest call inside a range that ends in the hour', async () => {
    // Chat's calls with m1 at minutes 50 and 57 share a rollup row whose latest start is 57.
    const range = RANGES['ending before minute 55'];
    const chat = (await store.listAgents({ range })).find((agent) => agent.name === 'Chat');
    expect(chat?.lastSeenAt).toBe(T0 + 50 * MINUTE);
    expect((await store.listAgents({ range })).map((agent) => agent.name)).not.toContain('Late');
  });
});
