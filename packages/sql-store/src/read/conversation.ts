import {
  type Conversation,
  type DashboardPreset,
  extractConversation,
  type ObservationRecord,
} from '@cupid-dashboard/core';
import { type SqlDb, sharedView } from '../db/view';
import type { SessionRowSchema } from './session-rows';

/** A session's generations read back as records: the one piece each store reads its own way. */
export type GenerationReader<DB> = (
  db: SqlDb<DB>,
  sessionId: string,
) => Promise<ObservationRecord[]>;

const onSessions = sharedView<SessionRowSchema>();

/**
 * A session's conversation: its generations handed to core's `extractConversation`, so every
 * store extracts it the same way. Null for an unknown session.
 */
export async function readConversation<DB extends SessionRowSchema>(
  db: SqlDb<DB>,
  sessionId: string,
  preset: DashboardPreset,
  readGenerations: GenerationReader<DB>,
): Promise<Conversation | null> {
  const known = await onSessions(db)
    .selectFrom('session_agg')
    .select('id')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!known) return null;
  return { sessionId, messages: extractConversation(await readGenerations(db, sessionId), preset) };
}
