import { sql } from 'kysely';
import type { Db } from '../db/types';

/** Names of the maintained row counters (so `counts()` never scans the tables). */
export type CounterName =
  | 'sessions'
  | 'traces'
  | 'observations'
  | 'scores'
  | 'derived_sessions'
  | 'derived_traces';

/** Adds a batch's changes to the counters; zero changes are skipped. */
export async function addCounters(db: Db, changes: ReadonlyMap<CounterName, number>) {
  const rows = [...changes].filter(([, delta]) => delta !== 0);
  if (rows.length === 0) return;
  await db
    .insertInto('counters')
    .values(rows.map(([name, value]) => ({ name, value })))
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet({ value: sql`${sql.ref('counters.value')} + excluded.value` }),
    )
    .execute();
}

/** Sets every counter from the tables (after a rebuild). */
export async function recount(db: Db): Promise<void> {
  const tables = {
    sessions: 'sessions',
    traces: 'traces',
    observations: 'observations',
    derived_sessions: 'session_agg',
    derived_traces: 'trace_agg',
    // Scores are counted by their own rebuild: migration 0003 recounts before their table exists.
  } as const satisfies Record<Exclude<CounterName, 'scores'>, string>;
  await db.deleteFrom('counters').execute();
  for (const [name, table] of Object.entries(tables)) {
    await db
      .insertInto('counters')
      .columns(['name', 'value'])
      .expression(
        db.selectFrom(table).select([sql.val(name).as('name'), sql<string>`count(*)`.as('value')]),
      )
      .execute();
  }
}

/** Every counter (missing ones are 0). */
export async function readCounters(db: Db): Promise<Record<CounterName, number>> {
  const rows = await db.selectFrom('counters').select(['name', 'value']).execute();
  const values: Record<CounterName, number> = {
    sessions: 0,
    traces: 0,
    observations: 0,
    scores: 0,
    derived_sessions: 0,
    derived_traces: 0,
  };
  for (const row of rows) values[row.name as CounterName] = Number(row.value);
  return values;
}
