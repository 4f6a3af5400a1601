/**
 * PostgreSQL helpers of the sync integration tests: a store on a fresh schema of a PostgreSQL
 * the file starts, and the records read back from its tables for the truth checksum.
 */
import type { ObservationRecord, SessionRecord, TraceRecord } from '@cupid-dashboard/core';
import type { RecordSet } from '@cupid-dashboard/langfuse-simulator';
import pg from 'pg';

/**
 * The records a PostgreSQL store holds in a schema (what this or other processes wrote), for the
 * simulator's truth checksums: the JSON each session, trace and observation row keeps whole, and
 * the scores' columns.
 */
export async function readPostgresRecords(url: string, schema = 'public'): Promise<RecordSet> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const records = async <T>(table: string) =>
      (await client.query(`select record from "${schema}".${table}`)).rows.map(
        (row) => JSON.parse(row.record) as T,
      );
    const scores = await client.query(
      `select id, name, data_type, value, string_value, source, trace_id, observation_id,
              session_id, timestamp, comment, config_id, environment, updated_at from "${schema}".scores`,
    );
    return {
      sessions: await records<SessionRecord>('sessions'),
      traces: await records<TraceRecord>('traces'),
      observations: await records<ObservationRecord>('observations'),
      scores: scores.rows.map((row) => ({
        id: row.id,
        name: row.name,
        dataType: row.data_type,
        value: row.value,
        stringValue: row.string_value,
        source: row.source,
        traceId: row.trace_id,
        observationId: row.observation_id,
        sessionId: row.session_id,
        timestamp: Number(row.timestamp),
        comment: row.comment,
        configId: row.config_id,
        environment: row.environment,
        updatedAt: row.updated_at === null ? null : Number(row.updated_at),
      })),
    };
  } finally {
    await client.end();
  }
}
