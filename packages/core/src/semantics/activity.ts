import type { EpochMs } from '../domain/records';

/**
 * When an observation's activity ends: its end time, or its start when it has no end or its end
 * lies before its start (clock skew between SDK hosts). A session's `lastActivityAt` and a
 * trace's latency both run to this time.
 *
 * @param startTime epoch ms
 * @param endTime epoch ms, null while the observation is open
 * @example
 * activityEnd(1_000, 3_500); // 3500
 * activityEnd(1_000, null); // 1000
 * activityEnd(1_000, 900); // 1000
 */
export function activityEnd(startTime: EpochMs, endTime: EpochMs | null): EpochMs {
  return endTime === null || endTime < startTime ? startTime : endTime;
}
