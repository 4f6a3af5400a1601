import type { Db } from '../db/types';
import { chunks } from './versions';

/**
 * The stored session of each trace that records without a `sessionId` of their own name
 * (observations and scores link their session through their trace).
 */
export async function traceSessionsOf(
  db: Db,
  records: readonly { sessionId: string | null; traceId: string | null }[],
): Promise<Map<string, string | null>> {
  const ids = [
    ...new Set(
      records.flatMap((r) => (r.sessionId === null && r.traceId !== null ? [r.traceId] : [])),
    ),
  ];
  const sessions = new Map<string, string | null>();
  for (const slice of chunks(ids, 1000)) {
    const rows = await db
      .selectFrom('traces')
      .select(['id', 'session_id'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) sessions.set(row.id, row.session_id);
  }
  return sessions;
}
