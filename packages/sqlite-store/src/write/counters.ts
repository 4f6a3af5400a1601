import type { Db } from '../db/types';

/** Names of the maintained row counters (so `counts()` never scans a million rows). */
export type CounterName =
  | 'sessions'
  | 'traces'
  | 'observations'
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
    derived_sessions: 0,
    derived_traces: 0,
  };
  for (const row of rows) counters[row.name as CounterName] = row.value;
  return counters;
}
