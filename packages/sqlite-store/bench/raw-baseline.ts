import Database from 'better-sqlite3';
import { WAL_CHECKPOINT_PAGES } from '../src/db/open';
import type { Page } from './batches';

/**
 * The floor a store is measured against: the same records (scores included) into plain tables with the same
 * columns (text primary key, no other index) through better-sqlite3 prepared INSERTs, one
 * transaction per page, with the store's pragmas (WAL checkpointed every 64 MiB,
 * synchronous=NORMAL, 64 MB cache). Serializing the JSON columns is timed too, as any store must
 * do it.
 *
 * @returns milliseconds spent inserting (generation and receiving the pages excluded)
 */
export async function rawInsert(
  path: string,
  source: AsyncIterable<Page>,
): Promise<{ ms: number; observations: number }> {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_CHECKPOINT_PAGES * 4096}`);
  db.pragma('synchronous = NORMAL');
  // The store's page cache, so the comparison measures the design, not the cache size.
  db.pragma('cache_size = -65536');
  db.exec(`
    create table sessions (id text primary key, created_at integer, environment text);
    create table traces (id text primary key, timestamp integer, name text, session_id text,
      user_id text, tags text, release text, version text, environment text, input text,
      output text, metadata text, updated_at integer);
    create table observations (id text primary key, trace_id text, type text, name text,
      level text, status_message text, parent_observation_id text, start_time integer,
      end_time integer, completion_start_time integer, model text, input text, output text,
      metadata text, usage_details text, cost_details text, total_cost real, session_id text,
      user_id text, environment text, updated_at integer);
    create table scores (id text primary key, name text, data_type text, value real,
      string_value text, source text, trace_id text, observation_id text, session_id text,
      timestamp integer, comment text, config_id text, environment text, updated_at integer);`);
  const session = db.prepare('insert or replace into sessions values (?, ?, ?)');
  const trace = db.prepare(
    'insert or replace into traces values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const observation = db.prepare(
    'insert or replace into observations values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const score = db.prepare(
    'insert or replace into scores values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const json = (value: unknown) =>
    value === undefined || value === null ? null : JSON.stringify(value);
  const insertPage = db.transaction((page: Page) => {
    for (const s of page.sessions) session.run(s.id, s.createdAt, s.environment);
    for (const t of page.traces) {
      trace.run(
        t.id,
        t.timestamp,
        t.name,
        t.sessionId,
        t.userId,
        JSON.stringify(t.tags),
        t.release,
        t.version,
        t.environment,
        json(t.input),
        json(t.output),
        json(t.metadata),
        t.updatedAt,
      );
    }
    for (const o of page.observations) {
      observation.run(
        o.id,
        o.traceId,
        o.type,
        o.name,
        o.level,
        o.statusMessage,
        o.parentObservationId,
        o.startTime,
        o.endTime,
        o.completionStartTime,
        o.model,
        json(o.input),
        json(o.output),
        json(o.metadata),
        JSON.stringify(o.usageDetails),
        JSON.stringify(o.costDetails),
        o.totalCost,
        o.sessionId,
        o.userId,
        o.environment,
        o.updatedAt,
      );
    }
    for (const s of page.scores) {
      score.run(
        s.id,
        s.name,
        s.dataType,
        s.value,
        s.stringValue,
        s.source,
        s.traceId,
        s.observationId,
        s.sessionId,
        s.timestamp,
        s.comment,
        s.configId,
        s.environment,
        s.updatedAt,
      );
    }
  });
  let ms = 0;
  let observations = 0;
  for await (const page of source) {
    const start = performance.now();
    insertPage(page);
    ms += performance.now() - start;
    observations += page.observations.length;
  }
  db.close();
  return { ms, observations };
}
