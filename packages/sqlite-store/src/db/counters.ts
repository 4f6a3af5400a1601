import { sql } from 'kysely';
import type { Db } from './types';

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
