import type { UpsertBatch } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import type { BatchChanges } from './batch-changes';
import { chunks } from './versions';

/**
 * Which sessions the traces a batch names were linked to before it (through the trace's record
 * or an observation), so a session's trace count grows by the traces new to it only. Read before
 * anything is written; a trace new to the store has nothing stored to find.
 */
export async function readLinksBefore(
  db: Db,
  batch: UpsertBatch,
  changes: BatchChanges,
): Promise<void> {
  const ids = new Set<string>();
  for (const trace of batch.traces ?? []) ids.add(trace.id);
  for (const observation of batch.observations ?? []) {
    if (observation.traceId !== null) ids.add(observation.traceId);
  }
  for (const slice of chunks([...ids], 1000)) {
    const rows = await db
      .selectFrom('traces')
      .select(['session_id', sql<string | null>`id`.as('trace_id')])
      .where(sql<boolean>`id = any(${slice})`)
      .where('session_id', 'is not', null)
      .union(
        db
          .selectFrom('observations')
          .select(['eff_session_id as session_id', 'trace_id'])
          .where(sql<boolean>`trace_id = any(${slice})`)
          .where('eff_session_id', 'is not', null),
      )
      .execute();
    for (const row of rows) changes.linkedBefore.add(`${row.session_id}\0${row.trace_id}`);
  }
}
