import type { EpochMs } from '../../domain/records';
import { bucketStarts } from '../../semantics/buckets';
import type { BucketSize, TimeRange } from '../../store/common';
import { StoreError } from '../../store/errors';

/**
 * The bucket starts of a time series: from the bucket holding `range.from` to the one holding
 * `range.to - 1`; an open bound comes from the data's times. No data and an open bound: none.
 */
export function seriesBuckets(
  range: TimeRange | undefined,
  times: readonly EpochMs[],
  bucket: BucketSize,
): EpochMs[] {
  let first = range?.from;
  let last = range?.to === undefined ? undefined : range.to - 1;
  if (first === undefined || last === undefined) {
    if (times.length === 0) return [];
    // A loop, not Math.min(...times): spreading a large array overflows the stack.
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const time of times) {
      min = Math.min(min, time);
      max = Math.max(max, time);
    }
    first ??= min;
    last ??= max;
  }
  try {
    return bucketStarts(first, last, bucket);
  } catch (error) {
    throw new StoreError('STORE_INVALID_QUERY', 'The time series has too many buckets', {
      cause: error,
    });
  }
}
