import { sql } from 'kysely';
import type { Db } from '../db/types';

/**
 * The columns the write path looks rows up by, in lists of keys, where a wrong row estimate
 * means a scan. Only these are sampled: the records' JSON would cost most of the time.
 */
const LOOKED_UP = {
  observations: ['id', 'trace_id', 'session_id', 'eff_session_id'],
  traces: ['id', 'session_id'],
  session_agg: ['id'],
  trace_agg: ['id'],
  agent_first: ['session_id'],
} as const;

/** Below this many observations a scan costs next to nothing: no statistics needed yet. */
const SMALL = 1000;

/**
 * Gathers the planner's statistics of the looked-up tables once the observations have more than
 * doubled since they were last gathered (or were never gathered). Until a table has statistics,
 * PostgreSQL guesses that `trace_id = any(…)` of a few hundred ids selects every row and scans
 * the table for each page; autovacuum first looks after a minute, by which time a bulk load has
 * written a hundred thousand observations a page at a time. Doubling keeps it to about twenty
 * runs for ten million observations. Run after the write commits, so nothing waits on it.
 *
 * @param schema the store's schema (a plain identifier, checked when the store opened)
 */
export async function refreshStatisticsWhenGrown(db: Db, schema: string): Promise<void> {
  const row = await db
    .selectFrom('counters')
    .select([
      'value',
      sql<number>`(select reltuples from pg_class where oid = to_regclass(${`${schema}.observations`}))`.as(
        'estimate',
      ),
    ])
    .where('name', '=', 'observations')
    .executeTakeFirst();
  const count = Number(row?.value ?? 0);
  // reltuples is -1 for a table never analyzed or vacuumed.
  const estimate = Math.max(Number(row?.estimate ?? 0), 0);
  if (count < SMALL || count <= 2 * estimate) return;
  const tables = Object.entries(LOOKED_UP).map(
    ([table, columns]) =>
      sql`${sql.table(`${schema}.${table}`)} (${sql.join(columns.map((column) => sql.ref(column)))})`,
  );
  await sql`analyze ${sql.join(tables)}`.execute(db);
}
