import {
  type Conversation,
  type DashboardPreset,
  extractConversation,
  type ObservationRecord,
} from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { recordOf } from '../write/rows';

/** The messages of a session in order (core's `extractConversation`), or null when unknown. */
export async function getConversation(
  db: Db,
  sessionId: string,
  preset: DashboardPreset,
): Promise<Conversation | null> {
  const known = await db
    .selectFrom('session_agg')
    .select('id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!known) return null;
  const generations = await db
    .selectFrom('observations')
    .select('record')
    .where('eff_session_id', '=', sessionId)
    .where('type', '=', 'GENERATION')
    .execute();
  return {
    sessionId,
    messages: extractConversation(generations.map(recordOf<ObservationRecord>), preset),
  };
}
