import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import type { FactRollupTable, FactSketchTable, ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import { chunks } from '../write/versions';
import { addToSketches } from './fact-sketches';
import { addToRollup, factTarget } from './rollup-upsert';

/** The observation columns a fact rollup row adds up. */
export type FactSource = Pick<
  ObservationTable,
  | 'name'
  | 'model'
  | 'start_time'
  | 'type'
  | 'is_error'
  | 'cost'
  | 'tokens_input'
  | 'tokens_output'
  | 'tokens_total'
  | 'latency_ms'
  | 'latency_bin'
>;

type FactRow = Omit<FactRollupTable, 'calls' | 'generations' | 'errors' | 'latency_count'> & {
  calls: number;
  generations: number;
  errors: number;
  latency_count: number;
};
/** A sketch delta of one bucket × agent: bin → count, and their sum. */
type SketchDelta = Pick<FactSketchTable, 'bucket' | 'has_agent' | 'agent'> & {
  count: number;
  bins: Map<number, number>;
};
type FactKeyRow = Pick<FactRollupTable, 'bucket' | 'has_agent' | 'agent' | 'has_model' | 'model'>;

/**
 * A batch's changes to the hourly and daily fact rollups and their latency sketches, added up in
 * memory from the rows it writes and the stored versions they replace, then written as one
 * additive upsert per table: no observation is read back to work them out.
 */
export class FactDeltas {
  private readonly facts = { hour: new Map<string, FactRow>(), day: new Map<string, FactRow>() };
  private readonly sketches = {
    hour: new Map<string, SketchDelta>(),
    day: new Map<string, SketchDelta>(),
  };
  /** The same sketch deltas over every agent, by bucket. */
  private readonly allSketches = {
    hour: new Map<number, SketchDelta>(),
    day: new Map<number, SketchDelta>(),
  };

  /** Adds (`sign` 1) or takes away (`sign` -1) one observation. */
  shift(row: FactSource, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const) {
      const key = {
        bucket: bucketStart(Number(row.start_time), size),
        has_agent: row.name !== null,
        agent: row.name ?? '',
        has_model: row.model !== null,
        model: row.model ?? '',
      };
      const id = JSON.stringify([key.bucket, key.has_agent, key.agent, key.has_model, key.model]);
      const facts = this.factRow(size, id, key);
      facts.calls += sign;
      if (row.type === 'GENERATION') facts.generations += sign;
      if (row.is_error) facts.errors += sign;
      facts.cost += sign * row.cost;
      facts.tokens_input += sign * row.tokens_input;
      facts.tokens_output += sign * row.tokens_output;
      facts.tokens_total += sign * row.tokens_total;
      if (row.latency_ms !== null) {
        facts.latency_count += sign;
        facts.latency_sum += sign * row.latency_ms;
      }
      if (row.latency_bin !== null) {
        for (const sketch of [this.sketchOf(size, key), this.allSketchOf(size, key.bucket)]) {
          sketch.count += sign;
          sketch.bins.set(row.latency_bin, (sketch.bins.get(row.latency_bin) ?? 0) + sign);
        }
      }
    }
  }

  /** Writes the changes; rows a change leaves empty are deleted. */
  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as const) {
      const facts = [...this.facts[size].values()].filter((row) => row.calls !== 0 || !isZero(row));
      for (const slice of chunks(facts, 2000)) {
        await addToRollup(db, factTarget(size, 'facts'), slice);
      }
      const sketches = [...this.sketches[size].values()].flatMap(sketchRow);
      for (const slice of chunks(sketches, 2000)) await addToSketches(db, size, 'byAgent', slice);
      const all = [...this.allSketches[size].values()]
        .flatMap(sketchRow)
        .map(({ bucket, count, bins }) => ({ bucket, count, bins }));
      for (const slice of chunks(all, 2000)) await addToSketches(db, size, 'all', slice);
    }
  }

  private sketchOf(size: BucketSize, key: FactKeyRow): SketchDelta {
    const id = JSON.stringify([key.bucket, key.has_agent, key.agent]);
    let sketch = this.sketches[size].get(id);
    if (!sketch) {
      const { bucket, has_agent, agent } = key;
      sketch = { bucket, has_agent, agent, count: 0, bins: new Map() };
      this.sketches[size].set(id, sketch);
    }
    return sketch;
  }

  private allSketchOf(size: BucketSize, bucket: number): SketchDelta {
    let sketch = this.allSketches[size].get(bucket);
    if (!sketch) {
      sketch = { bucket, has_agent: false, agent: '', count: 0, bins: new Map() };
      this.allSketches[size].set(bucket, sketch);
    }
    return sketch;
  }

  private factRow(size: BucketSize, id: string, key: FactKeyRow) {
    let row = this.facts[size].get(id);
    if (!row) {
      row = {
        ...key,
        calls: 0,
        generations: 0,
        errors: 0,
        cost: 0,
        tokens_input: 0,
        tokens_output: 0,
        tokens_total: 0,
        latency_count: 0,
        latency_sum: 0,
      };
      this.facts[size].set(id, row);
    }
    return row;
  }
}

/** A sketch delta as the row `addToSketches` adds (none when every bin's delta is 0). */
function sketchRow(delta: SketchDelta) {
  const bins: Record<string, number> = {};
  let changed = false;
  for (const [bin, count] of delta.bins) {
    if (count === 0) continue;
    bins[bin] = count;
    changed = true;
  }
  if (!changed) return [];
  const { bucket, has_agent, agent, count } = delta;
  return [{ bucket, has_agent, agent, count, bins: JSON.stringify(bins) }];
}

/** A delta that changes nothing (a version replaced by an identical one). */
function isZero(row: FactRow): boolean {
  return (
    row.generations === 0 &&
    row.errors === 0 &&
    row.cost === 0 &&
    row.tokens_total === 0 &&
    row.tokens_input === 0 &&
    row.tokens_output === 0 &&
    row.latency_count === 0 &&
    row.latency_sum === 0
  );
}
