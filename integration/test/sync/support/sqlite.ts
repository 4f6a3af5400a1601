/**
 * SQLite helpers of the sync integration tests: open the SQLite store on a temp file, and read
 * the raw records back from its tables (what another process wrote) for the truth checksum.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashboardStore } from '@cupid-dashboard/core';
import type { RecordSet } from '@cupid-dashboard/langfuse-simulator';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import Database from 'better-sqlite3';
import { onCleanup } from './harness';

/** A temp directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cupid-sync-'));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens the SQLite store on `path`; closed after the test. */
export async function openSqlite(path: string): Promise<DashboardStore> {
  const store = await createSqliteStore({ path });
  onCleanup(() => store.close());
  return store;
}

/** The raw records in a SQLite store file: the fields the truth checksum covers. */
export function readSqliteRecords(path: string): RecordSet {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const sessions = db
      .prepare('SELECT id, created_at AS createdAt, environment FROM sessions')
      .all() as RecordSet['sessions'];
    const traces = (
      db
        .prepare(
          'SELECT id, timestamp, session_id AS sessionId, user_id AS userId, name FROM traces',
        )
        .all() as Omit<RecordSet['traces'][number], 'tags'>[]
    ).map((t) => ({ ...t, tags: [] })) as unknown as RecordSet['traces'];
    const observations = db
      .prepare(
        `SELECT id, trace_id AS traceId, start_time AS startTime, end_time AS endTime,
                total_cost AS totalCost, level, updated_at AS updatedAt FROM observations`,
      )
      .all() as RecordSet['observations'];
    const scores = db
      .prepare(
        `SELECT id, name, data_type AS dataType, value, string_value AS stringValue, source,
                trace_id AS traceId, observation_id AS observationId, session_id AS sessionId,
                timestamp, comment, updated_at AS updatedAt FROM scores`,
      )
      .all() as NonNullable<RecordSet['scores']>;
    return { sessions, traces, observations, scores };
  } finally {
    db.close();
  }
}
