import { StoreError } from './errors';

/**
 * Keeps the sessions that have a score of `name` (linked directly or through a trace, at any
 * time): with `min` / `max`, those whose mean of that score's numbers (NUMERIC values, BOOLEAN
 * 1/0) lies in `[min, max]`; with `value`, those with a score of that name whose string value
 * (`'True'`/`'False'`, a category) is `value`. `value` and a bound do not go together.
 *
 * The mean is the sum of the numbers over their count; a SQL store may add them in another
 * order, so a session whose mean equals a bound only in the last bit may fall on either side.
 *
 * @example
 * await store.listSessions({ score: { name: 'helpfulness', max: 0.4 } });
 * await store.listSessions({ score: { name: 'user-feedback', value: 'False' } });
 */
export interface SessionScoreFilter {
  name: string;
  /** Inclusive lower bound of the session's mean. */
  min?: number;
  /** Inclusive upper bound of the session's mean. */
  max?: number;
  /** A string value one of its scores of that name has. */
  value?: string;
}

/**
 * Checks a {@link SessionScoreFilter}, so every store reads the same one.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for an empty name, a bound that is not a finite
 *   number, `min > max`, an empty value, or a value beside a bound
 * @example
 * checkSessionScoreFilter({ name: 'helpfulness', min: 0.8 }); // { name: 'helpfulness', min: 0.8 }
 */
export function checkSessionScoreFilter(
  filter: SessionScoreFilter | undefined,
): SessionScoreFilter | undefined {
  if (filter === undefined) return undefined;
  const fail = (message: string): never => {
    throw new StoreError('STORE_INVALID_QUERY', message);
  };
  if (typeof filter.name !== 'string' || filter.name === '') {
    fail('score.name must be a non-empty string');
  }
  const checked: SessionScoreFilter = { name: filter.name };
  for (const bound of ['min', 'max'] as const) {
    const value = filter[bound];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(`score.${bound} must be a finite number`);
    }
    checked[bound] = value;
  }
  if (checked.min !== undefined && checked.max !== undefined && checked.min > checked.max) {
    fail('score.min must not be greater than score.max');
  }
  if (filter.value !== undefined) {
    if (typeof filter.value !== 'string' || filter.value === '') {
      fail('score.value must be a non-empty string');
    }
    if (checked.min !== undefined || checked.max !== undefined) {
      fail('score.value does not go with score.min or score.max');
    }
    checked.value = filter.value;
  }
  return checked;
}

/**
 * Whether one session's scores of the filter's name pass it (see {@link SessionScoreFilter}):
 * the rule as the reference store applies it, which SQL stores state in their own terms.
 *
 * @param scores the session's scores of `filter.name`
 */
export function passesSessionScoreFilter(
  scores: readonly { value: number | null; stringValue: string | null }[],
  filter: SessionScoreFilter,
): boolean {
  if (scores.length === 0) return false;
  if (filter.value !== undefined) return scores.some((s) => s.stringValue === filter.value);
  if (filter.min === undefined && filter.max === undefined) return true;
  let count = 0;
  let sum = 0;
  for (const score of scores) {
    if (score.value === null) continue;
    count++;
    sum += score.value;
  }
  if (count === 0) return false;
  const mean = sum / count;
  return (
    (filter.min === undefined || mean >= filter.min) &&
    (filter.max === undefined || mean <= filter.max)
  );
}
