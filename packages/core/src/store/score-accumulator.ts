import type { ScoreDataType, ScoreSource } from '../domain/score';
import { compareIds } from '../semantics/ids';
import { nearestRank, quantileFromBuckets } from '../semantics/percentiles';
import { scoreBucketValue } from '../semantics/score-sketch';
import { scoreRollupKeys } from './score-rollup-keys';
import type {
  ScoreFact,
  ScoreHistogramBin,
  ScoreStats,
  ScoreSummary,
  ScoreValueCount,
} from './scores';

const DATA_TYPES: readonly ScoreDataType[] = ['NUMERIC', 'BOOLEAN', 'CATEGORICAL'];
const SOURCES: readonly ScoreSource[] = ['API', 'ANNOTATION', 'EVAL'];
const HISTOGRAM_BINS = 10;

/** The mergeable parts of one rollup row of scores (one name, data type and source). */
export interface ScoreRollupPart {
  dataType: ScoreDataType;
  source: ScoreSource;
  count: number;
  /** Scores with a number, and the sum of those numbers. */
  valueCount: number;
  valueSum: number;
}

/**
 * Folds scores of one name into {@link ScoreStats}: from the scores themselves (`add`) or from
 * rollup rows (`addPart`, `addBucket`, `addValue`), so a SQL store's rollups and the memory
 * store's records give one answer. Percentiles come from the exact values when the accumulator
 * keeps them (`exact`), else from the score sketch; the histogram always from the sketch.
 *
 * @example
 * const acc = new ScoreAccumulator(true);
 * for (const score of scores) acc.add(score);
 * acc.summary('helpfulness'); // { name, dataType, sources, count, mean, p50, p95, values }
 */
export class ScoreAccumulator {
  count = 0;
  private valueCount = 0;
  private valueSum = 0;
  private readonly sketch = new Map<number, number>();
  private readonly values = new Map<string, number>();
  private readonly types = new Map<ScoreDataType, number>();
  private readonly sources = new Map<ScoreSource, number>();
  private readonly numbers: number[] | null;

  /** @param exact keep every NUMERIC value for exact percentiles (the reference store does) */
  constructor(exact = false) {
    this.numbers = exact ? [] : null;
  }

  /** Adds one score. */
  add(fact: ScoreFact): void {
    const keys = scoreRollupKeys(fact);
    this.addPart({
      dataType: fact.dataType,
      source: fact.source,
      count: 1,
      valueCount: keys.number === null ? 0 : 1,
      valueSum: keys.number ?? 0,
    });
    if (keys.sketchIndex !== null) {
      this.addBucket(keys.sketchIndex, 1);
      this.numbers?.push(fact.value as number);
    }
    if (keys.countedValue !== null) this.addValue(keys.countedValue, 1);
  }

  /** Adds a rollup row's counts and sums. */
  addPart(part: ScoreRollupPart): void {
    this.count += part.count;
    this.valueCount += part.valueCount;
    this.valueSum += part.valueSum;
    bump(this.types, part.dataType, part.count);
    bump(this.sources, part.source, part.count);
  }

  /** Adds `count` NUMERIC values to a score sketch bucket (`scoreBucketIndex`). */
  addBucket(index: number, count: number): void {
    bump(this.sketch, index, count);
  }

  /** Adds `count` BOOLEAN or CATEGORICAL scores of one value. */
  addValue(value: string, count: number): void {
    bump(this.values, value, count);
  }

  /** The statistics so far. */
  stats(): ScoreStats {
    return {
      count: this.count,
      mean: this.valueCount === 0 ? null : this.valueSum / this.valueCount,
      p50: this.percentile(50),
      p95: this.percentile(95),
      values: valueCounts(this.values),
    };
  }

  /** The summary of the scores added, or null when there are none. */
  summary(name: string): ScoreSummary | null {
    if (this.count <= 0) return null;
    let dataType: ScoreDataType = 'NUMERIC';
    for (const type of DATA_TYPES) {
      if ((this.types.get(type) ?? 0) > (this.types.get(dataType) ?? 0)) dataType = type;
    }
    const sources = SOURCES.filter((source) => (this.sources.get(source) ?? 0) > 0);
    return { name, dataType, sources, ...this.stats() };
  }

  /** Ten equal bars from the lowest to the highest sketch value; empty without NUMERIC values. */
  histogram(): ScoreHistogramBin[] {
    const buckets = [...this.sketch].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
    const first = buckets[0];
    const last = buckets.at(-1);
    if (!first || !last) return [];
    const low = scoreBucketValue(first[0]);
    const high = scoreBucketValue(last[0]);
    if (low === high) return [{ from: low, to: high, count: first[1] }];
    const width = (high - low) / HISTOGRAM_BINS;
    const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({
      from: low + i * width,
      to: i === HISTOGRAM_BINS - 1 ? high : low + (i + 1) * width,
      count: 0,
    }));
    for (const [index, count] of buckets) {
      const at = Math.floor((scoreBucketValue(index) - low) / width);
      const bin = bins[Math.min(HISTOGRAM_BINS - 1, Math.max(0, at))] as ScoreHistogramBin;
      bin.count += count;
    }
    return bins;
  }

  private percentile(p: number): number | null {
    if (this.numbers)
      return nearestRank(
        [...this.numbers].sort((a, b) => a - b),
        p,
      );
    return quantileFromBuckets(this.sketch, p, scoreBucketValue);
  }
}

/** Value counts by count descending, then value ascending; zero counts left out. */
function valueCounts(values: ReadonlyMap<string, number>): ScoreValueCount[] {
  return [...values]
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareIds(a.value, b.value));
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
