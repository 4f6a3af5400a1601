import type { EpochMs } from '../domain/records';
import { QUERY_BOUNDS } from '../store/bounds';
import type { BucketSize, TimeRange } from '../store/common';
import type { ScoreDetail, ScoreSummary } from '../store/scores';
import { seriesBucketStarts } from '../store/series-buckets';
import type { DashboardReads } from '../store/store';
import { checkSeriesSize, defaultBucket, withSeriesGuard } from './buckets';
import {
  headlineScoresToWire,
  NO_SCORE_STATS,
  scoreDetailToWire,
  scoreListToWire,
} from './map-scores';
import { periodToWire, periodZone, type ResolvedPeriod, resolvePeriod } from './period';
import type { AnalyticsQueries } from './types';
import type { HeadlineScoreWire } from './wire/metrics';

/** The score answers of {@link AnalyticsQueries}, over a store's reads. */
export function scoreQueries(
  store: DashboardReads,
  clock: () => EpochMs,
): Pick<AnalyticsQueries, 'listScores' | 'getScore'> {
  return {
    async listScores(query = {}) {
      const period = resolvePeriod(query, clock());
      const current = await store.listScores({ range: period.range });
      const previous =
        period.previous === null ? null : await store.listScores({ range: period.previous });
      return {
        time_range: period.timeRange,
        period: periodToWire(period.range),
        previous_period: period.previous === null ? null : periodToWire(period.previous),
        scores: scoreListToWire(current, previous),
      };
    },

    async getScore(name, query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const timeZone = periodZone(query);
      const bucket = query.bucket ?? defaultBucket(period.timeRange, period.range);
      checkSeriesSize(period.range, bucket, now);
      const detail = await withSeriesGuard(bucket, async () => {
        const found = await store.getScore({
          name,
          range: period.range,
          bucket,
          timeZone,
          lowestSessionsLimit:
            query.lowestSessionsLimit ?? QUERY_BOUNDS.lowestSessionsLimit.default,
        });
        return found ?? emptyDetail(store, name, period.range, bucket, timeZone);
      });
      if (detail === null) return null;
      return {
        ...scoreDetailToWire(detail),
        time_range: period.timeRange,
        period: periodToWire(period.range),
        bucket,
        time_zone: timeZone,
      };
    },
  };
}

/**
 * The detail of a name known from other periods but without a score in this one (zero-filled
 * series, empty lists), so a period without scores is not answered like an unknown name; null
 * when the name never had a score.
 */
async function emptyDetail(
  store: DashboardReads,
  name: string,
  range: TimeRange,
  bucket: BucketSize,
  timeZone: string,
): Promise<ScoreDetail | null> {
  const known: ScoreSummary | undefined = (await store.listScores()).find((s) => s.name === name);
  if (!known) return null;
  return {
    summary: { ...known, ...NO_SCORE_STATS },
    series: seriesBucketStarts(range, null, null, bucket, timeZone).map((bucketStart) => ({
      bucketStart,
      count: 0,
      mean: null,
      values: [],
    })),
    histogram: [],
    byAgent: [],
    byModel: [],
    lowestSessions: [],
  };
}

/** The preset's headline scores over a period and its previous one; no reads without any. */
export async function headlineScores(
  store: DashboardReads,
  names: readonly string[],
  period: ResolvedPeriod,
): Promise<HeadlineScoreWire[]> {
  if (names.length === 0) return [];
  const current = await store.listScores({ range: period.range });
  const previous =
    period.previous === null ? null : await store.listScores({ range: period.previous });
  return headlineScoresToWire(names, current, previous);
}
