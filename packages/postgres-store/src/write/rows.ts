import {
  type DashboardPreset,
  latencyBucketIndex,
  type ObservationRecord,
  observationChapter,
  observationCost,
  observationLatencyMs,
  type SessionRecord,
  type TraceRecord,
  tokenCounts,
} from '@cupid-dashboard/core';
import type { ObservationTable, SessionTable, TraceTable } from '../db/schema';

/** A session record as its row. */
export function sessionRow(record: SessionRecord): SessionTable {
  return { id: record.id, created_at: record.createdAt, record: JSON.stringify(record) };
}

/** A trace record as its row. */
export function traceRow(record: TraceRecord): TraceTable {
  return {
    id: record.id,
    timestamp: record.timestamp,
    session_id: record.sessionId,
    user_id: record.userId,
    updated_at: record.updatedAt,
    record: JSON.stringify(record),
  };
}

/**
 * An observation record as its row, with what core's semantics derive from it worked out once:
 * chapter, cost, tokens, latency, the error flag, and its effective session (its own, else its
 * trace's, which the caller resolves).
 */
export function observationRow(
  record: ObservationRecord,
  effSessionId: string | null,
  preset: DashboardPreset,
): ObservationTable {
  const tokens = tokenCounts(record.usageDetails);
  const latency = observationLatencyMs(record);
  return {
    id: record.id,
    trace_id: record.traceId,
    session_id: record.sessionId,
    eff_session_id: effSessionId,
    user_id: record.userId,
    type: record.type,
    name: record.name,
    model: record.model,
    start_time: record.startTime,
    end_time: record.endTime,
    updated_at: record.updatedAt,
    chapter: observationChapter(record, preset),
    cost: observationCost(record),
    tokens_input: tokens.input,
    tokens_output: tokens.output,
    tokens_total: tokens.total,
    latency_ms: latency,
    latency_bin: latency === null ? null : latencyBucketIndex(latency),
    is_error: record.level === 'ERROR',
    status_message: record.statusMessage,
    record: JSON.stringify(record),
  };
}

/** The record stored in a row's `record` column. */
export function recordOf<T>(row: { record: string }): T {
  return JSON.parse(row.record) as T;
}
