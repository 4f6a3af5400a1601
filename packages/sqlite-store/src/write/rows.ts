import {
  type DashboardPreset,
  type ObservationRecord,
  observationChapter,
  observationCost,
  observationLatencyMs,
  type SessionRecord,
  type TraceRecord,
  tokenCounts,
} from '@cupid-dashboard/core';
import { toJson } from '../db/json';
import type { ObservationTable, SessionTable, TraceTable } from '../db/schema';

/** What one observation adds to the rollups; the same shape for a stored and an incoming version. */
export interface ObservationFact {
  id: string;
  traceId: string | null;
  effSessionId: string | null;
  type: string;
  name: string | null;
  model: string | null;
  startTime: number;
  cost: number;
  tokensInput: number;
  tokensOutput: number;
  tokensTotal: number;
  latencyMs: number | null;
  isError: number;
  updatedAt: number | null;
}

/** An observation as a row, its derived columns worked out with core's semantics. */
export function observationRow(
  record: ObservationRecord,
  effSessionId: string | null,
  preset: DashboardPreset,
): ObservationTable {
  const tokens = tokenCounts(record.usageDetails ?? {});
  return {
    id: record.id,
    trace_id: record.traceId,
    session_id: record.sessionId,
    eff_session_id: effSessionId,
    user_id: record.userId,
    type: record.type,
    name: record.name,
    model: record.model,
    level: record.level,
    start_time: record.startTime,
    end_time: record.endTime,
    updated_at: record.updatedAt,
    chapter: observationChapter(record, preset),
    cost: observationCost({ totalCost: record.totalCost, costDetails: record.costDetails ?? {} }),
    tokens_input: tokens.input,
    tokens_output: tokens.output,
    tokens_total: tokens.total,
    latency_ms: observationLatencyMs(record),
    is_error: record.level === 'ERROR' ? 1 : 0,
    status_message: record.statusMessage,
    parent_observation_id: record.parentObservationId,
    completion_start_time: record.completionStartTime,
    environment: record.environment,
    total_cost: record.totalCost,
    usage_details: JSON.stringify(record.usageDetails ?? {}),
    cost_details: JSON.stringify(record.costDetails ?? {}),
    metadata: toJson(record.metadata),
    input: toJson(record.input),
    output: toJson(record.output),
  };
}

/**
 * The observation columns a rollup fact is read from, in the order every query selects them.
 *
 * @example
 * db.selectFrom('observations').select([...FACT_COLUMNS, 'end_time']);
 */
export const FACT_COLUMNS = [
  'id',
  'trace_id',
  'eff_session_id',
  'type',
  'name',
  'model',
  'start_time',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'latency_ms',
  'is_error',
  'updated_at',
] as const satisfies readonly (keyof ObservationTable)[];

/** The rollup fact of an observation row. */
export function factOfRow(
  row: Pick<ObservationTable, (typeof FACT_COLUMNS)[number]>,
): ObservationFact {
  return {
    id: row.id,
    traceId: row.trace_id,
    effSessionId: row.eff_session_id,
    type: row.type,
    name: row.name,
    model: row.model,
    startTime: row.start_time,
    cost: row.cost,
    tokensInput: row.tokens_input,
    tokensOutput: row.tokens_output,
    tokensTotal: row.tokens_total,
    latencyMs: row.latency_ms,
    isError: row.is_error,
    updatedAt: row.updated_at,
  };
}

/** A trace as a row. */
export function traceRow(record: TraceRecord): TraceTable {
  return {
    id: record.id,
    timestamp: record.timestamp,
    session_id: record.sessionId,
    user_id: record.userId,
    updated_at: record.updatedAt,
    name: record.name,
    release: record.release,
    version: record.version,
    environment: record.environment,
    tags: JSON.stringify(record.tags ?? []),
    input: toJson(record.input),
    output: toJson(record.output),
    metadata: toJson(record.metadata),
  };
}

/** A session record as a row. */
export function sessionRow(record: SessionRecord): SessionTable {
  return { id: record.id, created_at: record.createdAt, environment: record.environment };
}
