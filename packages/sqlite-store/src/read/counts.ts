import type { StoreCounts } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { readCounters } from '../write/counters';

/** Stored and derived row counts: maintained counters plus distinct names of the daily rollups. */
export async function readCounts(db: Db): Promise<StoreCounts> {
  const counters = await readCounters(db);
  const names = await db
    .selectFrom('rollup_day')
    .select([
      sql<number>`count(distinct case when has_agent = 1 then agent end)`.as('agents'),
      sql<number>`count(distinct case when has_model = 1 then model end)`.as('models'),
    ])
    .executeTakeFirstOrThrow();
  return {
    records: {
      sessions: counters.sessions,
      traces: counters.traces,
      observations: counters.observations,
    },
    derived: {
      sessions: counters.derived_sessions,
      traces: counters.derived_traces,
      agents: Number(names.agents),
      models: Number(names.models),
    },
  };
}
