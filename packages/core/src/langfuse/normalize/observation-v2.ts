import type { ObservationRecord } from '../../domain/index';
import type { LangfuseObservationV2 } from '../schemas/index';
import { sharedObservationFields } from './common';

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
  const shared = sharedObservationFields(observation);
  return {
    ...shared,
    model: observation.providedModelName ?? null,
    totalCost: observation.totalCost ?? shared.costDetails.total ?? null,
    sessionId: observation.sessionId || null,
    userId: observation.userId || null,
  };
}
