import type { ObservationRecord } from '../../domain/records';
import type { ResolvedDatasetOptions } from './options';
import { mixSeed, Prng } from './prng';
import { NO_NUMBERS } from './records';

const LATE_SALT = 0x6c617465;

/**
 * The version Langfuse holds before an observation's end arrives: no end time, output, level or
 * cost yet, usage limited to the input tokens known at the start, and `updatedAt` = start time.
 */
function firstVersion(complete: ObservationRecord): ObservationRecord {
  const input = complete.usageDetails.input;
  return {
    ...complete,
    level: 'DEFAULT',
    statusMessage: null,
    endTime: null,
    completionStartTime: null,
    output: null,
    usageDetails: input === undefined ? NO_NUMBERS : { input },
    costDetails: NO_NUMBERS,
    totalCost: null,
    updatedAt: complete.startTime,
  };
}

/**
 * Splits a session's complete observations into first versions and later versions. A share
 * `options.lateUpdates` of them (drawn from their own random source, so the rest of the dataset
 * is the same with or without late updates) arrive late: the first version goes to
 * `observations`, the complete one to `lateUpdates` with `updatedAt` 10–15 minutes after the
 * start. `lateUpdates` is ordered by arrival (`updatedAt`).
 */
export function splitLateUpdates(
  complete: ObservationRecord[],
  options: ResolvedDatasetOptions,
  sessionIndex: number,
): { observations: ObservationRecord[]; lateUpdates: ObservationRecord[] } {
  if (options.lateUpdates === 0) return { observations: complete, lateUpdates: [] };
  const random = new Prng(mixSeed(options.seed, sessionIndex, LATE_SALT));
  const observations: ObservationRecord[] = [];
  const lateUpdates: ObservationRecord[] = [];
  for (const record of complete) {
    if (random.chance(options.lateUpdates)) {
      observations.push(firstVersion(record));
      record.updatedAt = record.startTime + random.int(600_000, 900_000);
      lateUpdates.push(record);
    } else {
      observations.push(record);
    }
  }
  lateUpdates.sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
  return { observations, lateUpdates };
}
