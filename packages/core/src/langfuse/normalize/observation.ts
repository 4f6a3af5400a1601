import type { ObservationRecord } from '../../domain/index';
import type { LangfuseObservation } from '../schemas/index';
import { sharedObservationFields } from './common';

/**
 * A legacy (v1) observation → {@link ObservationRecord}. v1 observations carry no session or user,
 * so both are null (a store resolves them through the trace). `totalCost` is
 * `costDetails.total`, else the deprecated `calculatedTotalCost`, else null.
 *
 * @example
 * const records = page.data.map(observationToRecord);
 */
export function observationToRecord(observation: LangfuseObservation): ObservationRecord {
  const shared = sharedObservationFields(observation);
  return {
    ...shared,
    model: observation.model ?? null,
    totalCost: shared.costDetails.total ?? observation.calculatedTotalCost ?? null,
    sessionId: null,
    userId: null,
  };
}
