import type { ObservationRecord, TraceRecord } from '@cupid-dashboard/core';
import { streamCupidDataset } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { roundingFloats, storeTables } from './support/table-rows';

const TABLES = {
  session_agg: 'id',
  trace_agg: 'id',
  agent_first: 'agent, session_id',
  counters: 'name',
  trace_hour: 'bucket',
  trace_day: 'bucket',
  agent_first_hour: 'agent, bucket',
  agent_first_day: 'agent, bucket',
} as const;
const floats = roundingFloats([
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'latency_sum',
]);

/** A column's value as compared: float sums to 12 digits (their order differs), search lines as a set. */
function comparable(column: string, value: unknown): unknown {
  if (column === 'body') return String(value).split('\n').sort();
  return floats(column, value);
}

/**
 * The dataset delivered the way a sync meets it: observations a page before their traces,
 * late versions two pages after their first ones, so pages both add to sessions and traces and
 * replace what is stored.
 */
function* deliveries(): Generator<{ traces: TraceRecord[]; observations: ObservationRecord[] }> {
  let heldTraces: TraceRecord[] = [];
  const late: ObservationRecord[][] = [[], []];
  for (const chunk of streamCupidDataset({ sessions: 40, seed: 11, lateUpdates: 0.2 })) {
    yield { traces: heldTraces, observations: [...chunk.observations, ...(late.shift() ?? [])] };
    heldTraces = chunk.traces;
    late.push(chunk.lateUpdates);
  }
  yield { traces: heldTraces, observations: late.flat() };
}

describe('incremental aggregates', () => {
  const tables = storeTables(TABLES, comparable);

  it('equal a rebuild after pages that add to and replace stored sessions and traces', async () => {
    let replaced = 0;
    for (const page of deliveries()) {
      const before = (await tables.store.counts()).records.observations;
      const { written } = await tables.store.upsert(page);
      replaced +=
        written.observations - ((await tables.store.counts()).records.observations - before);
    }
    expect(replaced).toBeGreaterThan(0);
    const incremental = await tables.rows();
    expect(incremental.session_agg).toHaveLength(40);
    await tables.store.refresh('all');
    expect(await tables.rows()).toEqual(incremental);
  });
});
