import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/**
 * No statistics for `session_agg.grams`: with them, a pair nearly every session holds is
 * estimated to match nearly every row and read by scanning the table, which checks each
 * session's whole gram list (about 900 ms at 20,000 sessions, slower than the text scan it
 * replaced) where the GIN index answers in about 20 ms. Without them the planner keeps the index
 * for every gram. Kysely has no builder for `SET STATISTICS`, and raw SQL is not qualified by
 * the store's schema, so the table's name is the one Kysely gives a select of it.
 */
export async function leaveGramsUnsampled(db: AnyDb): Promise<void> {
  const { sql: select } = db.selectFrom('session_agg').select('grams').compile();
  const table = select.slice(select.indexOf(' from ') + ' from '.length);
  await sql`alter table ${sql.raw(table)} alter column grams set statistics 0`.execute(db);
}
