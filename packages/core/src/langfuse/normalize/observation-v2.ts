import type { ObservationRecord } from '../../domain/index';
import type { LangfuseObservationV2 } from '../schemas/index';
import {
  environmentOf,
  levelOf,
  metadataObject,
  numberMap,
  toEpochMs,
  toEpochMsOrNull,
} from './common';

/**
 * A v2 observation → {@link ObservationRecord}. Fields of groups that were not requested become
 * their empty value (null, `{}`, level `DEFAULT`, environment `default`). `input`/`output` stay the
 * raw strings v2 sends; the store parses them. `model` is `providedModelName`; `totalCost` is
 * `totalCost`, else `costDetails.total`; `updatedAt` comes from the `time` group when requested.
 *
 * @example
 * const records = page.data.map(observationV2ToRecord);
 */
export function observationV2ToRecord(observation: LangfuseObservationV2): ObservationRecord {
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
    model: observation.providedModelName ?? null,
    input: observation.input ?? null,
    output: observation.output ?? null,
    metadata: metadataObject(observation.metadata),
    usageDetails: numberMap(observation.usageDetails),
    costDetails,
    totalCost: observation.totalCost ?? costDetails.total ?? null,
    sessionId: observation.sessionId || null,
    userId: observation.userId || null,
    environment: environmentOf(observation.environment),
    updatedAt: toEpochMsOrNull(observation.updatedAt),
  };
}
