import type { EpochMs } from '../domain/records';
import { bucketStart } from '../semantics/buckets';
import { compareIds } from '../semantics/ids';
import { ScoreAccumulator } from './score-accumulator';
import type { ResolvedScoreDetailParams } from './score-checks';
import { foldScoreParts, type ScoreParts } from './score-parts';
import type { ScoreBreakdown, ScoreDetail, SessionScoreMean } from './scores';
import { seriesBucketStarts } from './series-buckets';

/** Scores of one name grouped by the observation they judge: its name and model. */
export interface ScoreObservationGroup {
  agent: string | null;
  model: string | null;
  count: number;
  valueCount: number;
  valueSum: number;
}

/** What a SQL store reads for a score's detail beside its parts. */
export interface ScoreDetailReads {
  /** The rollup rows and raw edges of the name over the range. */
  parts: ScoreParts;
  /** The earliest and latest timestamp of the name's scores in range (open series bounds). */
  earliest: EpochMs | null;
  latest: EpochMs | null;
  /** The name's scores on a known observation, grouped by its name and model. */
  groups: readonly ScoreObservationGroup[];
  /**
   * The numbers in range of the sessions that can rank lowest (every session with a number, or
   * the candidates a store's rollups single out), by session, then timestamp, then id: the order
   * the memory store adds them in, so means (and their ties) agree.
   */
  sessionValues: Iterable<{ sessionId: string; value: number }>;
}

/**
 * A score's detail from what a SQL store read: summary, series (in the query's zone) and
 * histogram from the parts, the breakdowns from the groups, the lowest sessions from the values.
 * Null when the name has no score in range.
 *
 * @example
 * return scoreDetailOf(query, { parts, earliest, latest, groups, sessionValues });
 */
export function scoreDetailOf(
  query: ResolvedScoreDetailParams,
  reads: ScoreDetailReads,
): ScoreDetail | null {
  const { name, range, bucket, timeZone } = query;
  const all = foldScoreParts(reads.parts, () => name).get(name);
  const summary = all?.summary(name) ?? null;
  if (!all || !summary) return null;
  // A rollup row is a UTC hour: its start decides the bucket (see `seriesNeedsHours`).
  const byBucket = foldScoreParts(reads.parts, (part) => bucketStart(part.time, bucket, timeZone));
  const starts = seriesBucketStarts(range, reads.earliest, reads.latest, bucket, timeZone);
  const series = starts.map((start) => {
    const { count, mean, values } = (byBucket.get(start) ?? new ScoreAccumulator()).stats();
    return { bucketStart: start, count, mean, values };
  });
  return {
    summary,
    series,
    histogram: all.histogram(),
    byAgent: breakdown(reads.groups, (group) => group.agent),
    byModel: breakdown(reads.groups, (group) => group.model),
    lowestSessions: lowestSessions(reads.sessionValues, query.lowestSessionsLimit),
  };
}

function breakdown(
  groups: readonly ScoreObservationGroup[],
  keyOf: (group: ScoreObservationGroup) => string | null,
): ScoreBreakdown[] {
  const totals = new Map<string, { count: number; valueCount: number; valueSum: number }>();
  for (const group of groups) {
    const key = keyOf(group);
    if (key === null) continue;
    const total = totals.get(key) ?? { count: 0, valueCount: 0, valueSum: 0 };
    total.count += group.count;
    total.valueCount += group.valueCount;
    total.valueSum += group.valueSum;
    totals.set(key, total);
  }
  return [...totals]
    .map(([key, t]) => ({
      key,
      count: t.count,
      mean: t.valueCount === 0 ? null : t.valueSum / t.valueCount,
    }))
    .sort((a, b) => b.count - a.count || compareIds(a.key, b.key));
}

function lowestSessions(
  values: Iterable<{ sessionId: string; value: number }>,
  limit: number,
): SessionScoreMean[] {
  const sums = new Map<string, { count: number; sum: number }>();
  for (const { sessionId, value } of values) {
    const total = sums.get(sessionId) ?? { count: 0, sum: 0 };
    total.count++;
    total.sum += value;
    sums.set(sessionId, total);
  }
  return [...sums]
    .map(([sessionId, t]) => ({ sessionId, count: t.count, mean: t.sum / t.count }))
    .sort((a, b) => a.mean - b.mean || compareIds(a.sessionId, b.sessionId))
    .slice(0, limit);
}
