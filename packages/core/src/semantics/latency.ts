import type { ObservationRecord } from '../domain/records';
import { activityEnd } from './activity';

/**
 * An observation's latency in milliseconds: `endTime - startTime`, clamped at 0 (clock skew
 * between SDK hosts can put the end before the start); null while it has no end time.
 *
 * @example
 * observationLatencyMs({ startTime: 1_000, endTime: 3_500 }); // 2500
 * observationLatencyMs({ startTime: 1_000, endTime: null }); // null
 */
export function observationLatencyMs(
  observation: Pick<ObservationRecord, 'startTime' | 'endTime'>,
): number | null {
  if (observation.endTime === null) return null;
  return Math.max(0, observation.endTime - observation.startTime);
}

/**
 * A trace's latency derived from its observations, as Langfuse v4 does: from the earliest start
 * to the latest end (an observation without an end counts with its start). Null when the trace
 * has no observations.
 *
 * @example
 * traceLatencyMs([{ startTime: 0, endTime: 400 }, { startTime: 100, endTime: 900 }]); // 900
 */
export function traceLatencyMs(
  observations: ReadonlyArray<Pick<ObservationRecord, 'startTime' | 'endTime'>>,
): number | null {
  if (observations.length === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { startTime, endTime } of observations) {
    first = Math.min(first, startTime);
    last = Math.max(last, activityEnd(startTime, endTime));
  }
  return last - first;
}
