import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import type { RollupTotals } from '../db/rollup-totals';
import { LatencySketch } from '../sketch';
import type { ObservationFact } from './rows';

/** The change a batch makes to one rollup row (bucket × agent × model). */
export interface RollupDelta extends RollupTotals {
  bucket: number;
  hasAgent: number;
  agent: string;
  hasModel: number;
  model: string;
  sketch: LatencySketch;
  /** Latest start time added, null when none was. */
  addedMax: number | null;
  /** Latest start time removed: when it was the row's maximum, the maximum is read again. */
  removedMax: number | null;
}

/** The rollup key of a row: bucket, agent and model (null keys kept apart from empty strings). */
export function rollupKey(
  bucket: number,
  hasAgent: number,
  agent: string,
  hasModel: number,
  model: string,
): string {
  return `${bucket}\u0000${hasAgent}${agent}\u0000${hasModel}${model}`;
}

/**
 * Collects the rollup changes of a batch: each stored version replaced is subtracted and each
 * new version added (counts, sums, tokens, cost and sketch counts are all additive), per bucket ×
 * agent × model and per bucket across them all.
 */
export class RollupDeltas {
  readonly hour = new Map<string, RollupDelta>();
  readonly day = new Map<string, RollupDelta>();
  /** The same changes summed over every agent and model (keyed as a null agent and model). */
  readonly totalHour = new Map<string, RollupDelta>();
  readonly totalDay = new Map<string, RollupDelta>();

  /** Adds (`sign` 1) or subtracts (`sign` -1) one observation. */
  apply(fact: ObservationFact, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const satisfies readonly BucketSize[]) {
      const bucket = bucketStart(fact.startTime, size);
      const byKey = size === 'hour' ? this.hour : this.day;
      const total = size === 'hour' ? this.totalHour : this.totalDay;
      addFact(entry(byKey, bucket, fact.name, fact.model), fact, sign);
      addFact(entry(total, bucket, null, null), fact, sign);
    }
  }
}

/** The delta of a bucket, agent and model (null: none), made empty when there is none yet. */
function entry(
  map: Map<string, RollupDelta>,
  bucket: number,
  name: string | null,
  model: string | null,
): RollupDelta {
  const hasAgent = name === null ? 0 : 1;
  const hasModel = model === null ? 0 : 1;
  const key = rollupKey(bucket, hasAgent, name ?? '', hasModel, model ?? '');
  let delta = map.get(key);
  if (!delta) {
    delta = {
      bucket,
      hasAgent,
      agent: name ?? '',
      hasModel,
      model: model ?? '',
      calls: 0,
      generations: 0,
      errors: 0,
      cost: 0,
      tokensInput: 0,
      tokensOutput: 0,
      tokensTotal: 0,
      latencyCount: 0,
      latencySum: 0,
      sketch: new LatencySketch(),
      addedMax: null,
      removedMax: null,
    };
    map.set(key, delta);
  }
  return delta;
}

/** Adds (`sign` 1) or subtracts (`sign` -1) one observation's facts to a delta. */
function addFact(delta: RollupDelta, fact: ObservationFact, sign: 1 | -1): void {
  delta.calls += sign;
  if (fact.type === 'GENERATION') delta.generations += sign;
  delta.errors += sign * fact.isError;
  delta.cost += sign * fact.cost;
  delta.tokensInput += sign * fact.tokensInput;
  delta.tokensOutput += sign * fact.tokensOutput;
  delta.tokensTotal += sign * fact.tokensTotal;
  if (fact.latencyMs !== null) {
    delta.latencyCount += sign;
    delta.latencySum += sign * fact.latencyMs;
    delta.sketch.add(fact.latencyMs, sign);
  }
  if (sign === 1) delta.addedMax = Math.max(delta.addedMax ?? fact.startTime, fact.startTime);
  else delta.removedMax = Math.max(delta.removedMax ?? fact.startTime, fact.startTime);
}
