import type { EpochMs } from '../domain/records';
import type { ScoreRecord } from '../domain/score';

/** A score as the SQL stores' `scores` table holds it: one snake_case column per field. */
export interface ScoreColumns {
  id: string;
  name: string;
  data_type: string;
  source: string;
  value: number | null;
  string_value: string | null;
  timestamp: EpochMs;
  trace_id: string | null;
  observation_id: string | null;
  session_id: string | null;
  /** `sessionId ?? trace(traceId).sessionId`, kept current by the store as traces arrive. */
  eff_session_id: string | null;
  updated_at: EpochMs | null;
  comment: string | null;
  config_id: string | null;
  environment: string;
}

/**
 * The columns of a score row, linked to `effSessionId`, so every SQL store writes a score the
 * same way (a store may add columns of its own).
 *
 * @example
 * scoreColumns(score, score.sessionId ?? traceSession).eff_session_id;
 */
export function scoreColumns(score: ScoreRecord, effSessionId: string | null): ScoreColumns {
  return {
    id: score.id,
    name: score.name,
    data_type: score.dataType,
    source: score.source,
    value: score.value,
    string_value: score.stringValue,
    timestamp: score.timestamp,
    trace_id: score.traceId,
    observation_id: score.observationId,
    session_id: score.sessionId,
    eff_session_id: effSessionId,
    updated_at: score.updatedAt,
    comment: score.comment,
    config_id: score.configId,
    environment: score.environment,
  };
}
