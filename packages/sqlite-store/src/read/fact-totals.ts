import type { TokenCounts } from '@cupid-dashboard/core';
import type { RollupTotals } from '../db/rollup-totals';
import { LatencySketch } from '../sketch';

/**
 * A slice of observation facts: one rollup row, one raw observation at a range edge, or an edge
 * hour's rollup row less the hour's observations outside the range.
 */
export interface FactPart extends RollupTotals {
  /** Bucket start of a rollup row, or the observation's start time. */
  time: number;
  agent: string | null;
  model: string | null;
  maxStart: number;
  /** A rollup row's sketch (its blob, or the net sketch of an edge hour); null for a raw observation. */
  bins: Uint8Array | LatencySketch | null;
  /** A raw observation's latency. */
  latencyMs: number | null;
}

/** Sums of fact parts. */
export interface FactTotals {
  calls: number;
  generations: number;
  errors: number;
  cost: number;
  tokens: TokenCounts;
  latencyCount: number;
  latencySum: number;
  /** Latest start time, null when there are no calls. */
  lastSeenAt: number | null;
  /** Merged only when parts were read with `sketches`. */
  sketch: LatencySketch;
}

/** Empty totals. */
export function emptyTotals(): FactTotals {
  return {
    calls: 0,
    generations: 0,
    errors: 0,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    latencyCount: 0,
    latencySum: 0,
    lastSeenAt: null,
    sketch: new LatencySketch(),
  };
}

/** Adds a part into totals, its latencies into their sketch unless `sketches` is false. */
export function addPart(totals: FactTotals, part: FactPart, sketches = true): void {
  totals.calls += part.calls;
  totals.generations += part.generations;
  totals.errors += part.errors;
  totals.cost += part.cost;
  totals.tokens.input += part.tokensInput;
  totals.tokens.output += part.tokensOutput;
  totals.tokens.total += part.tokensTotal;
  totals.latencyCount += part.latencyCount;
  totals.latencySum += part.latencySum;
  if (part.calls > 0) {
    totals.lastSeenAt =
      totals.lastSeenAt === null ? part.maxStart : Math.max(totals.lastSeenAt, part.maxStart);
  }
  if (!sketches) return;
  if (part.bins) totals.sketch.merge(part.bins);
  else if (part.latencyMs !== null) totals.sketch.add(part.latencyMs);
}

/**
 * Totals grouped by a key; parts whose key is null are left out.
 *
 * @param sketches merge the parts' latency sketches (for percentiles). Default true; merging is
 *   most of the grouping's cost, so groups that report no percentile skip it.
 */
export function groupParts<K>(
  parts: readonly FactPart[],
  key: (part: FactPart) => K | null,
  sketches = true,
): Map<K, FactTotals> {
  const groups = new Map<K, FactTotals>();
  for (const part of parts) {
    const k = key(part);
    if (k === null) continue;
    let totals = groups.get(k);
    if (!totals) {
      totals = emptyTotals();
      groups.set(k, totals);
    }
    addPart(totals, part, sketches);
  }
  return groups;
}

/** Mean latency of totals, null when no call had one. */
export function meanLatency(totals: FactTotals): number | null {
  return totals.latencyCount === 0 ? null : totals.latencySum / totals.latencyCount;
}
