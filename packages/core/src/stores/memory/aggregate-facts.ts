import { nearestRank } from '../../semantics/percentiles';
import { ZERO_TOKENS } from '../../semantics/tokens';
import type { LatencySummary, TokenCounts } from '../../store/common';
import type { ObservationFact } from './derive';

/** Sums over a group of observations. */
export interface FactTotals {
  calls: number;
  errors: number;
  cost: number;
  tokens: TokenCounts;
  /** Latencies of the calls that have one, ascending. */
  latencies: number[];
}

/** Adds up calls, errors, cost, tokens and collects latencies. */
export function totalFacts(facts: readonly ObservationFact[]): FactTotals {
  let errors = 0;
  let cost = 0;
  const tokens = { ...ZERO_TOKENS };
  const latencies: number[] = [];
  for (const fact of facts) {
    if (fact.isError) errors++;
    cost += fact.cost;
    // In place rather than addTokens: this loop runs over every observation of every query.
    tokens.input += fact.tokens.input;
    tokens.output += fact.tokens.output;
    tokens.total += fact.tokens.total;
    if (fact.latencyMs !== null) latencies.push(fact.latencyMs);
  }
  latencies.sort((a, b) => a - b);
  return { calls: facts.length, errors, cost, tokens, latencies };
}

/** Exact mean and nearest-rank percentiles of ascending latencies. */
export function latencySummary(sorted: readonly number[]): LatencySummary {
  return {
    avgMs: mean(sorted),
    p50Ms: nearestRank(sorted, 50),
    p95Ms: nearestRank(sorted, 95),
    p99Ms: nearestRank(sorted, 99),
  };
}

/** The mean, null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Groups items by a key, keeping their order; items whose key is null are left out. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | null): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
