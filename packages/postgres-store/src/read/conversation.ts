import type { Conversation, DashboardPreset, ObservationRecord } from '@cupid-dashboard/core';
import { readConversation } from '@cupid-dashboard/sql-store';
import type { Db } from '../db/types';
import { recordOf } from '../write/rows';

/** The messages of a session in order (core's `extractConversation`), or null when unknown. */
export function getConversation(
  db: Db,
  sessionId: string,
  preset: DashboardPreset,
): Promise<Conversation | null> {
  return readConversation(db, sessionId, preset, readGenerations);
}

/** A session's generations, from the records kept whole. */
async function readGenerations(db: Db, sessionId: string): Promise<ObservationRecord[]> {
  const generations = await db
    .selectFrom('observations')
    .select('record')
    .where('eff_session_id', '=', sessionId)
    .where('type', '=', 'GENERATION')
    .execute();
  return generations.map(recordOf<ObservationRecord>);
}
