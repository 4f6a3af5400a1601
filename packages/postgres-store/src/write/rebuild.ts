import { type RefreshResult, SearchChanges } from '@cupid-dashboard/core';
import { linkAllToSessions } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { addAllBucketRollups } from '../rollups/bucket-rollups';
import { addAllFactSums } from '../rollups/fact-rollups';
import { addAllFactSketches } from '../rollups/fact-sketches';
import { recount } from './counters';
import { rebuildScores } from './rebuild-scores';
import { recomputeSessions } from './session-aggregates';
import { recomputeTraces } from './trace-aggregates';

const ROLLUP_TABLES = [
  'fact_hour',
  'fact_day',
  'fact_hour_sketch',
  'fact_day_sketch',
  'fact_hour_sketch_all',
  'fact_day_sketch_all',
  'trace_hour',
  'trace_day',
  'agent_first_hour',
  'agent_first_day',
] as const;

/**
 * Rebuilds every derived row from the raw records (a repair, or after changing the preset),
 * inside the caller's transaction: derived chapters and the effective sessions are recomputed
 * too, then every trace and session aggregate.
 */
export async function rebuildAll(db: Db): Promise<RefreshResult> {
  await db.deleteFrom('agent_first').execute();
  await db.deleteFrom('session_agg').execute();
  await db.deleteFrom('trace_agg').execute();
  for (const table of ROLLUP_TABLES) {
    await db.deleteFrom(table).execute();
  }
  await addAllFactSums(db);
  await addAllFactSketches(db);
  await linkAllToSessions(db, 'observations');
  const sessionIds = await db
    .selectFrom('sessions')
    .select(sql<string | null>`id`.as('id'))
    .union(db.selectFrom('traces').select('session_id as id').where('session_id', 'is not', null))
    .union(
      db
        .selectFrom('observations')
        .select('eff_session_id as id')
        .where('eff_session_id', 'is not', null),
    )
    .execute();
  const traceIds = await db
    .selectFrom('traces')
    .select(sql<string | null>`id`.as('id'))
    .union(db.selectFrom('observations').select('trace_id as id').where('trace_id', 'is not', null))
    .execute();
  const search = new SearchChanges();
  const sessions = sessionIds.flatMap((row) => (row.id === null ? [] : [row.id]));
  for (const id of sessions) search.rebuild(id);
  await recomputeTraces(
    db,
    traceIds.flatMap((row) => (row.id === null ? [] : [row.id])),
    null,
  );
  await recomputeSessions(db, sessions, search);
  await addAllBucketRollups(db);
  await recount(db);
  await rebuildScores(db);
  const counts = await db
    .selectFrom('observations')
    .select([
      sql<number>`count(distinct name)::int`.as('agents'),
      sql<number>`count(distinct model)::int`.as('models'),
      sql<number>`count(distinct floor(start_time::float8 / 3600000))::int`.as('hours'),
    ])
    .executeTakeFirstOrThrow();
  return {
    sessions: sessions.length,
    traces: traceIds.length,
    agents: counts.agents,
    models: counts.models,
    hourBuckets: counts.hours,
  };
}
