import type { StoreCounts } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { readCounters } from '../write/counters';

/** Distinct score names the hourly score rollups hold. */
async function countScoreNames(db: Db): Promise<number> {
  const row = await db
    .selectFrom('score_hour')
    .select(sql<number>`count(distinct name)::int`.as('names'))
    .executeTakeFirstOrThrow();
  return row.names;
}

/** Stored and derived row counts: maintained counters, and distinct names of the daily rollups. */
export async function readCounts(db: Db): Promise<StoreCounts> {
  const counters = await readCounters(db);
  const names = await db
    .selectFrom('fact_day')
    .select([
      sql<number>`(count(distinct agent) filter (where has_agent))::int`.as('agents'),
      sql<number>`(count(distinct model) filter (where has_model))::int`.as('models'),
    ])
    .executeTakeFirstOrThrow();
  return {
    records: {
      sessions: counters.sessions,
      traces: counters.traces,
      observations: counters.observations,
      scores: counters.scores,
    },
    derived: {
      sessions: counters.derived_sessions,
      traces: counters.derived_traces,
      agents: names.agents,
      models: names.models,
      scoreNames: await countScoreNames(db),
    },
  };
}
