import type { StoreCounts } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';

/** Stored and derived row counts. */
export async function readCounts(db: Db): Promise<StoreCounts> {
  const count = sql<number>`count(*)::int`.as('n');
  const sessions = await db.selectFrom('sessions').select(count).executeTakeFirstOrThrow();
  const traces = await db.selectFrom('traces').select(count).executeTakeFirstOrThrow();
  const observations = await db
    .selectFrom('observations')
    .select([
      count,
      sql<number>`count(distinct name)::int`.as('agents'),
      sql<number>`count(distinct model)::int`.as('models'),
    ])
    .executeTakeFirstOrThrow();
  const derivedSessions = await db
    .selectFrom('session_agg')
    .select(count)
    .executeTakeFirstOrThrow();
  const derivedTraces = await db.selectFrom('trace_agg').select(count).executeTakeFirstOrThrow();
  return {
    records: { sessions: sessions.n, traces: traces.n, observations: observations.n },
    derived: {
      sessions: derivedSessions.n,
      traces: derivedTraces.n,
      agents: observations.agents,
      models: observations.models,
    },
  };
}
