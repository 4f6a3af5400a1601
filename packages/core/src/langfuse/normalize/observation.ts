import type { ObservationRecord } from '../../domain/index';
import type { LangfuseObservation } from '../schemas/index';
import {
  environmentOf,
  levelOf,
  metadataObject,
  numberMap,
  toEpochMs,
  toEpochMsOrNull,
} from './common';

/**
 * A legacy (v1) observation → {@link ObservationRecord}. v1 observations carry no session or user,
 * so both are null (a store resolves them through the trace). `totalCost` is
 * `costDetails.total`, else the deprecated `calculatedTotalCost`, else null.
 *
 * @example
 * const records = page.data.map(observationToRecord);
 */
export function observationToRecord(observation: LangfuseObservation): ObservationRecord {
  const costDetails = numberMap(observation.costDetails);
  return {
    id: observation.id,
    traceId: observation.traceId ?? null,
    type: observation.type,
    name: observation.name ?? null,
    level: levelOf(observation.level),
    statusMessage: observation.statusMessage ?? null,
    parentObservationId: observation.parentObservationId ?? null,
    startTime: toEpochMs(observation.startTime),
    endTime: toEpochMsOrNull(observation.endTime),
    completionStartTime: toEpochMsOrNull(observation.completionStartTime),
    model: observation.model ?? null,
    input: observation.input ?? null,
    output: observation.output ?? null,
    metadata: metadataObject(observation.metadata),
    usageDetails: numberMap(observation.usageDetails),
    costDetails,
    totalCost: costDetails.total ?? observation.calculatedTotalCost ?? null,
    sessionId: null,
    userId: null,
    environment: environmentOf(observation.environment),
    updatedAt: toEpochMsOrNull(observation.updatedAt),
  };
}
