import { sql } from 'kysely';
import type { Db } from './types';

/** Names of the maintained row counters (so `counts()` never scans a million rows). */
export type CounterName =
  | 'sessions'
  | 'traces'
  | 'observations'
  | 'scores'
  | 'derived_sessions'
  | 'derived_traces';

/** Adds to counters; zero changes are skipped. */
export async function addCounters(
  db: Db,
  changes: Partial<Record<CounterName, number>>,
): Promise<void> {
  for (const [name, delta] of Object.entries(changes)) {
    if (!delta) continue;
    await db
      .insertInto('counters')
      .values({ name, value: delta })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet((eb) => ({ value: eb('counters.value', '+', eb.ref('excluded.value')) })),
      )
      .execute();
  }
}

/** Reads every counter (missing ones are 0). */
export async function readCounters(db: Db): Promise<Record<CounterName, number>> {
  const rows = await db.selectFrom('counters').selectAll().execute();
  const counters: Record<CounterName, number> = {
    sessions: 0,
    traces: 0,
    observations: 0,
    scores: 0,
    derived_sessions: 0,
    derived_traces: 0,
  };
  for (const row of rows) counters[row.name as CounterName] = row.value;
  return counters;
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

/** Distinct score names the hourly score rollups hold. */
export async function countScoreNames(db: Db): Promise<number> {
  const row = await db
    .selectFrom('score_hour')
    .select(sql<number>`count(distinct name)`.as('names'))
    .executeTakeFirstOrThrow();
  return Number(row.names);
}
