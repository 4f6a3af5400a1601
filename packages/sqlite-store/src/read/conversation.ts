import type { Conversation, DashboardPreset, ObservationRecord } from '@cupid-dashboard/core';
import { readConversation } from '@cupid-dashboard/sql-store';
import { fromJson } from '../db/json';
import type { Db } from '../db/types';

/** A session's conversation (core's `extractConversation`), or null for an unknown session. */
export function getConversation(
  db: Db,
  sessionId: string,
  preset: DashboardPreset,
): Promise<Conversation | null> {
  return readConversation(db, sessionId, preset, readGenerations);
}

/** A session's generations, their columns read back as records. */
async function readGenerations(db: Db, sessionId: string): Promise<ObservationRecord[]> {
  const rows = await db
    .selectFrom('observations')
    .selectAll()
    .where('eff_session_id', '=', sessionId)
    .where('type', '=', 'GENERATION')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    traceId: row.trace_id,
    type: row.type,
    name: row.name,
    level: row.level as ObservationRecord['level'],
    statusMessage: row.status_message,
    parentObservationId: row.parent_observation_id,
    startTime: row.start_time,
    endTime: row.end_time,
    completionStartTime: row.completion_start_time,
    model: row.model,
    input: fromJson(row.input),
    output: fromJson(row.output),
    metadata: fromJson(row.metadata) as Record<string, unknown> | null,
    usageDetails: JSON.parse(row.usage_details) as Record<string, number>,
    costDetails: JSON.parse(row.cost_details) as Record<string, number>,
    totalCost: row.total_cost,
    sessionId: row.session_id,
    userId: row.user_id,
    environment: row.environment,
    updatedAt: row.updated_at,
  }));
}
