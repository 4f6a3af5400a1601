import type { RecordSet } from '@cupid-dashboard/langfuse-simulator';
import pg from 'pg';

/**
 * The raw records a PostgreSQL store holds in the `public` schema (what other processes wrote),
 * read from the JSON each row keeps whole, for the simulator's truth checksums.
 */
export async function readPostgresRecords(url: string): Promise<RecordSet> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const parsed = async <T>(query: string) =>
    (await client.query<{ record: string }>(query)).rows.map((row) => JSON.parse(row.record) as T);
  try {
    return {
      sessions: await parsed<RecordSet['sessions'][number]>('select record from sessions'),
      traces: await parsed<RecordSet['traces'][number]>('select record from traces'),
      observations: await parsed<RecordSet['observations'][number]>(
        'select record from observations',
      ),
    };
  } finally {
    await client.end();
  }
}
