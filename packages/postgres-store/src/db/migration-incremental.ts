import { type Kysely, sql } from 'kysely';
import { recount } from '../write/counters';
import type { StoreSchema } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/** The maintained row counters `counts()` reads, filled from what is stored. */
async function addCounters(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await recount(db as unknown as Kysely<StoreSchema>);
}

/**
 * What a trace's aggregate needs to take new observations without reading the old ones: its
 * record's timestamp, the earliest start and latest activity end of its observations, and how
 * many there are. Filled from what is stored.
 */
async function widenTraceAggregates(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('trace_agg')
    .addColumn('record_timestamp', 'bigint')
    .addColumn('first_start', 'bigint')
    .addColumn('last_end', 'bigint')
    .addColumn('obs_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('trace_agg')
    .from('traces')
    .set({ record_timestamp: sql.ref('traces.timestamp') })
    .whereRef('traces.id', '=', 'trace_agg.id')
    .execute();
  const spans = db
    .selectFrom('observations')
    .select([
      'trace_id',
      sql`min(start_time)`.as('first'),
      sql`max(greatest(start_time, coalesce(end_time, start_time)))`.as('last'),
      sql`count(*)`.as('n'),
    ])
    .where('trace_id', 'is not', null)
    .groupBy('trace_id');
  await db
    .updateTable('trace_agg')
    .from(spans.as('spans'))
    .set({
      first_start: sql.ref('spans.first'),
      last_end: sql.ref('spans.last'),
      obs_count: sql.ref('spans.n'),
    })
    .whereRef('spans.trace_id', '=', 'trace_agg.id')
    .execute();
}

/**
 * Incremental aggregates: row counters, the trace aggregates' spans, and where a session's user
 * came from (kind, time and id of the record that named it, as core's session fold keeps them),
 * so a batch of new records moves its sessions' and traces' aggregates by what it adds. Sessions
 * stored before this migration have no user source yet: the first batch that touches one
 * recomputes it from its records.
 */
export async function addIncrementalAggregates(db: AnyDb): Promise<void> {
  await addCounters(db);
  await widenTraceAggregates(db);
  await db.schema
    .alterTable('session_agg')
    .addColumn('user_kind', 'text')
    .addColumn('user_time', 'bigint')
    .addColumn('user_source', sql`text collate "C"`)
    .execute();
}
