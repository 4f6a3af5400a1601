import type { EpochMs } from '../domain/records';
import type { ScoreDataType, ScoreSource } from '../domain/score';
import { ScoreAccumulator } from './score-accumulator';

/**
 * What a SQL store reads to answer a score query: one hourly rollup row (its counts, sums and
 * sketch buckets), or one raw score at a range edge (`raw` set), which the accumulator folds as a
 * score.
 */
export interface ScorePart {
  /** The row's UTC hour, or the raw score's own timestamp, epoch ms. */
  time: EpochMs;
  name: string;
  dataType: ScoreDataType;
  source: ScoreSource;
  count: number;
  valueCount: number;
  valueSum: number;
  /** A raw score's value and string value; null on a rollup row. */
  raw: { value: number | null; stringValue: string | null } | null;
}

/** One hourly sketch bucket count of a name's NUMERIC values (`scoreBucketIndex`). */
export interface ScoreBinPart {
  time: EpochMs;
  name: string;
  index: number;
  count: number;
}

/** One hourly count of a BOOLEAN or CATEGORICAL value. */
export interface ScoreValuePart {
  time: EpochMs;
  name: string;
  value: string;
  count: number;
}

/** The parts covering a range (rollup rows for whole hours, raw scores at the edges). */
export interface ScoreParts {
  parts: readonly ScorePart[];
  bins: readonly ScoreBinPart[];
  values: readonly ScoreValuePart[];
}

/**
 * Folds score parts into one accumulator per key (a name, a bucket…): rollup rows by their
 * counts and sums, sketch and value rows by their counts, raw edge scores one by one. Their sums
 * are exactly the sums over the scores in range, as the memory store adds them.
 *
 * @param keyOf the accumulator a part goes to
 * @example
 * const byName = foldScoreParts(parts, (part) => part.name);
 * byName.get('helpfulness')?.summary('helpfulness');
 */
export function foldScoreParts<K>(
  { parts, bins, values }: ScoreParts,
  keyOf: (part: { time: EpochMs; name: string }) => K,
): Map<K, ScoreAccumulator> {
  const accumulators = new Map<K, ScoreAccumulator>();
  const accumulator = (part: { time: EpochMs; name: string }) => {
    const key = keyOf(part);
    let found = accumulators.get(key);
    if (!found) {
      found = new ScoreAccumulator();
      accumulators.set(key, found);
    }
    return found;
  };
  for (const part of parts) {
    if (part.raw) accumulator(part).add({ ...part, ...part.raw });
    else accumulator(part).addPart(part);
  }
  for (const bin of bins) accumulator(bin).addBucket(bin.index, bin.count);
  for (const row of values) accumulator(row).addValue(row.value, row.count);
  return accumulators;
}

/**
 * A raw score at a range edge as a part: it counts one, and the accumulator folds its value.
 *
 * @example
 * rows.map((row) => rawScorePart({ ...row, time: row.timestamp }));
 */
export function rawScorePart(score: {
  time: EpochMs;
  name: string;
  dataType: string;
  source: string;
  value: number | null;
  stringValue: string | null;
}): ScorePart {
  return {
    time: score.time,
    name: score.name,
    dataType: score.dataType as ScoreDataType,
    source: score.source as ScoreSource,
    count: 1,
    valueCount: score.value === null ? 0 : 1,
    valueSum: score.value ?? 0,
    raw: { value: score.value, stringValue: score.stringValue },
  };
}
