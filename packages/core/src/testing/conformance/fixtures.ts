import type { EpochMs, ObservationRecord, SessionRecord, TraceRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';

/** 2026-11-20T10:00:00Z: the hand-made cases happen around it. */
export const T0: EpochMs = Date.parse('2026-11-20T10:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/**
 * A hand-made observation: a successful `GENERATION` with no usage or cost unless given.
 *
 * @example
 * observation({ id: 'o1', traceId: 't1', name: 'Mortal', startTime: T0, endTime: T0 + 1000 });
 */
export function observation(
  fields: Partial<ObservationRecord> & { id: string },
): ObservationRecord {
  return {
    traceId: null,
    type: 'GENERATION',
    name: null,
    level: 'DEFAULT',
    statusMessage: null,
    parentObservationId: null,
    startTime: T0,
    endTime: null,
    completionStartTime: null,
    model: null,
    input: null,
    output: null,
    metadata: null,
    usageDetails: {},
    costDetails: {},
    totalCost: null,
    sessionId: null,
    userId: null,
    environment: 'default',
    updatedAt: null,
    ...fields,
  };
}

/** A hand-made trace. */
export function trace(fields: Partial<TraceRecord> & { id: string }): TraceRecord {
  return {
    timestamp: T0,
    name: null,
    sessionId: null,
    userId: null,
    tags: [],
    release: null,
    version: null,
    environment: 'default',
    input: null,
    output: null,
    metadata: null,
    updatedAt: null,
    ...fields,
  };
}

/** A hand-made session record. */
export function session(id: string, createdAt: EpochMs = T0): SessionRecord {
  return { id, createdAt, environment: 'default' };
}

/**
 * A hand-made score: a NUMERIC `helpfulness` of 0.5 from an evaluator at `T0`, on nothing unless
 * given.
 *
 * @example
 * score({ id: 'sc1', traceId: 't1', value: 0.8 });
 */
export function score(fields: Partial<ScoreRecord> & { id: string }): ScoreRecord {
  return {
    name: 'helpfulness',
    dataType: 'NUMERIC',
    value: 0.5,
    stringValue: null,
    source: 'EVAL',
    traceId: null,
    observationId: null,
    sessionId: null,
    timestamp: T0,
    comment: null,
    configId: null,
    environment: 'default',
    updatedAt: null,
    ...fields,
  };
}
