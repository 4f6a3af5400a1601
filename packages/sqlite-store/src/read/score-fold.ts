import { ScoreAccumulator } from '@cupid-dashboard/core';
import { LatencySketch } from '../sketch';
import type { ScorePart, ScoreValuePart } from './score-parts';

/**
 * Folds score parts into one accumulator per key (a name, a bucket...): rollup rows by their
 * counts, sums and sketches, raw edge scores one by one, value rows by their counts.
 *
 * @param keyOf the accumulator a part or value row goes to
 * @example
 * const byName = foldScoreParts(parts, values, (part) => part.name);
 * byName.get('helpfulness')?.summary('helpfulness');
 */
export function foldScoreParts<K>(
  parts: readonly ScorePart[],
  values: readonly ScoreValuePart[],
  keyOf: (part: ScorePart | ScoreValuePart) => K,
): Map<K, ScoreAccumulator> {
  const accumulators = new Map<K, ScoreAccumulator>();
  const sketches = new Map<K, LatencySketch>();
  const accumulator = (key: K) => {
    let found = accumulators.get(key);
    if (!found) {
      found = new ScoreAccumulator();
      accumulators.set(key, found);
    }
    return found;
  };
  for (const part of parts) {
    const key = keyOf(part);
    const into = accumulator(key);
    if (part.bins === null) {
      into.add(part);
      continue;
    }
    into.addPart(part);
    if (part.bins.length === 0) continue;
    let sketch = sketches.get(key);
    if (!sketch) {
      sketch = new LatencySketch();
      sketches.set(key, sketch);
    }
    sketch.merge(part.bins);
  }
  for (const [key, sketch] of sketches) {
    const into = accumulator(key);
    for (const [index, count] of sketch.entries()) into.addBucket(index, count);
  }
  for (const row of values) accumulator(keyOf(row)).addValue(row.value, row.count);
  return accumulators;
}
