import type { RefreshResult, TouchedKeys } from './upsert';

/**
 * The {@link RefreshResult} of a refresh over some touched keys: how many keys of each kind it
 * covered. Stores whose derived data is already current can answer a refresh with just this.
 *
 * @example
 * countTouched({ sessionIds: ['s1'], traceIds: [], agentNames: ['Mortal'], models: [], hourBuckets: [0] });
 * // { sessions: 1, traces: 0, agents: 1, models: 0, hourBuckets: 1 }
 */
export function countTouched(keys: TouchedKeys): RefreshResult {
  return {
    sessions: keys.sessionIds.length,
    traces: keys.traceIds.length,
    agents: keys.agentNames.length,
    models: keys.models.length,
    hourBuckets: keys.hourBuckets.length,
  };
}
