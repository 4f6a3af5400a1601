import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import type { FactBinTable, FactRollupTable, ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import { chunks } from '../write/versions';
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
type BinRow = Omit<FactBinTable, 'count'> & { count: number };
type FactKeyRow = Pick<FactRollupTable, 'bucket' | 'has_agent' | 'agent' | 'has_model' | 'model'>;

/**
 * A batch's changes to the hourly and daily fact rollups and their latency sketches, added up in
 * memory from the rows it writes and the stored versions they replace, then written as one
 * additive upsert per table: no observation is read back to work them out.
 */
export class FactDeltas {
  private readonly facts = { hour: new Map<string, FactRow>(), day: new Map<string, FactRow>() };
  private readonly bins = { hour: new Map<string, BinRow>(), day: new Map<string, BinRow>() };

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
        const binId = JSON.stringify([key.bucket, key.has_agent, key.agent, row.latency_bin]);
        let bin = this.bins[size].get(binId);
        if (!bin) {
          const { bucket, has_agent, agent } = key;
          bin = { bucket, has_agent, agent, bin: row.latency_bin, count: 0 };
          this.bins[size].set(binId, bin);
        }
        bin.count += sign;
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
      const bins = [...this.bins[size].values()].filter((row) => row.count !== 0);
      for (const slice of chunks(bins, 5000)) {
        await addToRollup(db, factTarget(size, 'bins'), slice);
      }
    }
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
