import type { CounterName } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import type { Db } from '../db/types';

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
