import type { StoreCounts } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { readCounters } from '../write/counters';

/** Stored and derived row counts: maintained counters plus distinct names of the daily rollups. */
export async function readCounts(db: Db): Promise<StoreCounts> {
  const counters = await readCounters(db);
  const names = await countRollupNames(db);
  return {
    records: {
      sessions: counters.sessions,
      traces: counters.traces,
      observations: counters.observations,
    },
    derived: {
      sessions: counters.derived_sessions,
      traces: counters.derived_traces,
      agents: names.agents,
      models: names.models,
    },
  };
}

/** Distinct agents and models that the daily rollups hold. */
export async function countRollupNames(db: Db): Promise<{ agents: number; models: number }> {
  const names = await db
    .selectFrom('rollup_day')
    .select([
      sql<number>`count(distinct case when has_agent = 1 then agent end)`.as('agents'),
      sql<number>`count(distinct case when has_model = 1 then model end)`.as('models'),
    ])
    .executeTakeFirstOrThrow();
  return { agents: Number(names.agents), models: Number(names.models) };
}
