import type { StoreCounts } from '@cupid-dashboard/core';
import { readStoreCounts } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';

/** Distinct agents and models of the daily fact rollups. */
async function countRollupNames(db: Db): Promise<{ agents: number; models: number }> {
  return db
    .selectFrom('fact_day')
    .select([
      sql<number>`(count(distinct agent) filter (where has_agent))::int`.as('agents'),
      sql<number>`(count(distinct model) filter (where has_model))::int`.as('models'),
    ])
    .executeTakeFirstOrThrow();
}

/** Stored and derived row counts: maintained counters, and distinct names of the daily rollups. */
export function readCounts(db: Db): Promise<StoreCounts> {
  return readStoreCounts(db, countRollupNames);
}
