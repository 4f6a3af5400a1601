import type { ScoreDataType } from '../domain/score';
import { scoreBucketIndex } from '../semantics/score-sketch';

/** Where one score counts in a store's score rollups. */
export interface ScoreRollupKeys {
  /** The number added to the count and sum of numbers (a NUMERIC value, BOOLEAN 1/0), or null. */
  number: number | null;
  /** Its score sketch bucket (`scoreBucketIndex`): NUMERIC scores with a number only. */
  sketchIndex: number | null;
  /** The value it is counted under: the string value of a BOOLEAN or CATEGORICAL score only. */
  countedValue: string | null;
}

/**
 * Where a score counts in the rollups, so the memory store's accumulator and every SQL store's
 * rollups fold the same scores into the mean, the sketch and the value counts.
 *
 * @example
 * scoreRollupKeys({ dataType: 'BOOLEAN', value: 1, stringValue: 'True' });
 * // { number: 1, sketchIndex: null, countedValue: 'True' }
 */
export function scoreRollupKeys(score: {
  dataType: ScoreDataType | string;
  value: number | null;
  stringValue: string | null;
}): ScoreRollupKeys {
  const numeric = score.dataType === 'NUMERIC';
  return {
    number: score.value,
    sketchIndex: numeric && score.value !== null ? scoreBucketIndex(score.value) : null,
    countedValue: !numeric ? score.stringValue : null,
  };
}
