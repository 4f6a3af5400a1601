import { StoreError } from './errors';
import type { UpsertBatch } from './upsert';

/**
 * Checks every record of a batch before anything is written, so a bad batch writes nothing: ids
 * must be non-empty strings, and times (session `createdAt`; trace `timestamp`, `updatedAt`;
 * observation `startTime`, `endTime`, `updatedAt`; score `timestamp`, `updatedAt`) finite numbers,
 * the nullable ones when not null; a score needs a non-empty name and a number or null `value`.
 * A NaN `updatedAt` would otherwise break the version rule, whose comparisons are all false on NaN.
 *
 * @throws {StoreError} `STORE_INVALID_RECORD` naming the first bad record and field
 * @example
 * validateUpsertBatch({ traces: [{ ...trace, updatedAt: Number.NaN }] }); // throws STORE_INVALID_RECORD
 */
export function validateUpsertBatch(batch: UpsertBatch): void {
  for (const session of batch.sessions ?? []) {
    requireId(session.id, 'session');
    requireTime(session.createdAt, 'session', session.id, 'createdAt');
  }
  for (const trace of batch.traces ?? []) {
    requireId(trace.id, 'trace');
    requireTime(trace.timestamp, 'trace', trace.id, 'timestamp');
    requireOptionalTime(trace.updatedAt, 'trace', trace.id, 'updatedAt');
  }
  for (const observation of batch.observations ?? []) {
    requireId(observation.id, 'observation');
    requireTime(observation.startTime, 'observation', observation.id, 'startTime');
    requireOptionalTime(observation.endTime, 'observation', observation.id, 'endTime');
    requireOptionalTime(observation.updatedAt, 'observation', observation.id, 'updatedAt');
  }
  for (const score of batch.scores ?? []) {
    requireId(score.id, 'score');
    if (typeof score.name !== 'string' || score.name === '') {
      throw new StoreError('STORE_INVALID_RECORD', `The score ${score.id} has no name`);
    }
    requireTime(score.timestamp, 'score', score.id, 'timestamp');
    requireOptionalTime(score.updatedAt, 'score', score.id, 'updatedAt');
    // A NaN value would poison every mean and sketch it is folded into.
    requireOptionalTime(score.value, 'score', score.id, 'value');
  }
}

function requireId(id: unknown, entity: string): void {
  if (typeof id !== 'string' || id === '') {
    throw new StoreError('STORE_INVALID_RECORD', `A ${entity} record has no id`);
  }
}

function requireTime(value: unknown, entity: string, id: string, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StoreError('STORE_INVALID_RECORD', `The ${entity} ${id} has an invalid ${field}`);
  }
}

// Untyped callers may leave a nullable time out entirely, so undefined counts as null.
function requireOptionalTime(value: unknown, entity: string, id: string, field: string): void {
  if (value !== null && value !== undefined) requireTime(value, entity, id, field);
}
