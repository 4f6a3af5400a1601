import { checkBounded } from './bounds';
import type { BucketSize, TimeRange } from './common';
import { BUCKET_SIZES } from './common';
import { StoreError } from './errors';
import { checkOneOf, checkRange, checkTimeZone } from './query-checks';
import type { ScoreDetailParams } from './scores';

/** A score detail query with its defaults applied and its bounds checked. */
export interface ResolvedScoreDetailParams {
  name: string;
  range: TimeRange | undefined;
  bucket: BucketSize;
  /** A zone `checkTimeZone` accepted. */
  timeZone: string;
  lowestSessionsLimit: number;
}

/**
 * Checks a {@link ScoreDetailParams} and applies its defaults (bucket `'day'`, zone `'UTC'`,
 * 10 lowest sessions), so every store reads the same query.
 *
 * @throws {StoreError} `STORE_INVALID_QUERY` for an empty name, a bad range bound, bucket or limit
 * @example
 * checkScoreDetailParams({ name: 'helpfulness' }); // { name, range: undefined, bucket: 'day', timeZone: 'UTC', lowestSessionsLimit: 10 }
 */
export function checkScoreDetailParams(params: ScoreDetailParams): ResolvedScoreDetailParams {
  if (typeof params.name !== 'string' || params.name === '') {
    throw new StoreError('STORE_INVALID_QUERY', 'name must be a non-empty string');
  }
  return {
    name: params.name,
    range: checkRange(params.range),
    bucket: checkOneOf('bucket', params.bucket, BUCKET_SIZES, 'day'),
    timeZone: checkTimeZone(params.timeZone),
    lowestSessionsLimit: checkBounded('lowestSessionsLimit', params.lowestSessionsLimit),
  };
}
