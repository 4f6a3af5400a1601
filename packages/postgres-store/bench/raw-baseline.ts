import type { ScoreRecord } from '@cupid-dashboard/core';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Page } from '../../sqlite-store/bench/batches';

// The raw tables are the benchmark's own: untyped to Kysely.
// biome-ignore lint/suspicious/noExplicitAny: ad-hoc tables of the baseline
type RawDb = Kysely<any>;

/** Rows per multi-row INSERT: 21 columns × 2,000 stays under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 2000;

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * The floor the store is measured against: the same records (scores included) into plain tables with the same
 * columns (text primary key, no other index, JSON as text) by multi-row parameterized INSERTs
 * (`ON CONFLICT DO UPDATE`, as re-deliveries need), one transaction per page, on the same server.
 *
 * @returns milliseconds spent inserting (generation excluded) and the observations inserted
 */
export async function rawInsert(
  connectionString: string,
  schema: string,
  source: Iterable<Page>,
): Promise<{ ms: number; observations: number; bytes: number }> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const root: RawDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  await sql`create schema ${sql.id(schema)}`.execute(root);
  const db = root.withSchema(schema);
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint')
    .addColumn('environment', 'text')
    .execute();
  let traces = db.schema.createTable('traces').addColumn('id', 'text', (c) => c.primaryKey());
  for (const [name, type] of TRACE_COLUMNS) traces = traces.addColumn(name, type);
  await traces.execute();
  let observations = db.schema
    .createTable('observations')
    .addColumn('id', 'text', (c) => c.primaryKey());
  for (const [name, type] of OBSERVATION_COLUMNS) observations = observations.addColumn(name, type);
  await observations.execute();
  let scores = db.schema.createTable('scores').addColumn('id', 'text', (c) => c.primaryKey());
  for (const [name, type] of SCORE_COLUMNS) scores = scores.addColumn(name, type);
  await scores.execute();

  const upsert = async (trx: RawDb, table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const slice = rows.slice(i, i + ROWS_PER_INSERT);
      const columns = Object.keys(slice[0] ?? {}).filter((column) => column !== 'id');
      await trx
        .insertInto(table)
        .values(slice)
        .onConflict((conflict) =>
          conflict
            .column('id')
            .doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]))),
        )
        .execute();
    }
  };
  let ms = 0;
  let count = 0;
  for (const page of source) {
    const start = performance.now();
    await db.transaction().execute(async (trx) => {
      await upsert(
        trx,
        'sessions',
        dedupe(page.sessions).map((s) => ({
          id: s.id,
          created_at: s.createdAt,
          environment: s.environment,
        })),
      );
      await upsert(
        trx,
        'traces',
        dedupe(page.traces).map((t) => ({
          id: t.id,
          timestamp: t.timestamp,
          name: t.name,
          session_id: t.sessionId,
          user_id: t.userId,
          tags: JSON.stringify(t.tags),
          release: t.release,
          version: t.version,
          environment: t.environment,
          input: json(t.input),
          output: json(t.output),
          metadata: json(t.metadata),
          updated_at: t.updatedAt,
        })),
      );
      await upsert(
        trx,
        'observations',
        dedupe(page.observations).map((o) => ({
          id: o.id,
          trace_id: o.traceId,
          type: o.type,
          name: o.name,
          level: o.level,
          status_message: o.statusMessage,
          parent_observation_id: o.parentObservationId,
          start_time: o.startTime,
          end_time: o.endTime,
          completion_start_time: o.completionStartTime,
          model: o.model,
          input: json(o.input),
          output: json(o.output),
          metadata: json(o.metadata),
          usage_details: JSON.stringify(o.usageDetails),
          cost_details: JSON.stringify(o.costDetails),
          total_cost: o.totalCost,
          session_id: o.sessionId,
          user_id: o.userId,
          environment: o.environment,
          updated_at: o.updatedAt,
        })),
      );
      await upsert(trx, 'scores', dedupe(page.scores).map(scoreRow));
    });
    ms += performance.now() - start;
    count += page.observations.length;
  }
  const size = await sql<{
    bytes: string;
  }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r'`.execute(root);
  await root.destroy();
  return { ms, observations: count, bytes: Number(size.rows[0]?.bytes ?? 0) };
}

/** A score's raw row: its columns as they come. */
function scoreRow(s: ScoreRecord): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    data_type: s.dataType,
    value: s.value,
    string_value: s.stringValue,
    source: s.source,
    trace_id: s.traceId,
    observation_id: s.observationId,
    session_id: s.sessionId,
    timestamp: s.timestamp,
    comment: s.comment,
    config_id: s.configId,
    environment: s.environment,
    updated_at: s.updatedAt,
  };
}

/** The last record of each id (one INSERT cannot update a row twice). */
function dedupe<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

const TRACE_COLUMNS = [
  ['timestamp', 'bigint'],
  ['name', 'text'],
  ['session_id', 'text'],
  ['user_id', 'text'],
  ['tags', 'text'],
  ['release', 'text'],
  ['version', 'text'],
  ['environment', 'text'],
  ['input', 'text'],
  ['output', 'text'],
  ['metadata', 'text'],
  ['updated_at', 'bigint'],
] as const;

const OBSERVATION_COLUMNS = [
  ['trace_id', 'text'],
  ['type', 'text'],
  ['name', 'text'],
  ['level', 'text'],
  ['status_message', 'text'],
  ['parent_observation_id', 'text'],
  ['start_time', 'bigint'],
  ['end_time', 'bigint'],
  ['completion_start_time', 'bigint'],
  ['model', 'text'],
  ['input', 'text'],
  ['output', 'text'],
  ['metadata', 'text'],
  ['usage_details', 'text'],
  ['cost_details', 'text'],
  ['total_cost', 'float8'],
  ['session_id', 'text'],
  ['user_id', 'text'],
  ['environment', 'text'],
  ['updated_at', 'bigint'],
] as const;

const SCORE_COLUMNS = [
  ['name', 'text'],
  ['data_type', 'text'],
  ['value', 'float8'],
  ['string_value', 'text'],
  ['source', 'text'],
  ['trace_id', 'text'],
  ['observation_id', 'text'],
  ['session_id', 'text'],
  ['timestamp', 'bigint'],
  ['comment', 'text'],
  ['config_id', 'text'],
  ['environment', 'text'],
  ['updated_at', 'bigint'],
] as const;
