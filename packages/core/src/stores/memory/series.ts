import type { EpochMs } from '../../domain/records';
import type { BucketSize, TimeRange } from '../../store/common';
import { seriesBucketStarts, timeBounds } from '../../store/series-buckets';

/**
 * The bucket starts of a time series: from the bucket holding `range.from` to the one holding
 * `range.to - 1` in `zone`; an open bound comes from the data's times. No data and an open
 * bound: none.
 */
export function seriesBuckets(
  range: TimeRange | undefined,
  times: readonly EpochMs[],
  bucket: BucketSize,
  zone: string,
): EpochMs[] {
  const { earliest, latest } = timeBounds(times);
  return seriesBucketStarts(range, earliest, latest, bucket, zone);
}
