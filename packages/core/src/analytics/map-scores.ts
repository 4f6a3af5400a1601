import { compareIds } from '../semantics/ids';
import type { ScoreDetail, ScoreStats, ScoreSummary } from '../store/scores';
import type { SessionScore, SessionScoreSummary } from '../store/session-scores';
import { compareKpi } from './kpis';
import { iso } from './map-common';
import type { HeadlineScoreWire } from './wire/metrics';
import type {
  ConversationScoreWire,
  ScoreDetailWire,
  ScoreStatsWire,
  ScoreSummaryWire,
  SessionScoreSummaryWire,
} from './wire/scores';

/** The statistics of no scores: a name with scores in one period only has these in the other. */
export const NO_SCORE_STATS: ScoreStats = Object.freeze({
  count: 0,
  mean: null,
  p50: null,
  p95: null,
  values: [],
});

/** Score statistics on the wire (copies, so callers never share the store's arrays). */
export function scoreStatsToWire(stats: ScoreStats): ScoreStatsWire {
  return {
    count: stats.count,
    mean: stats.mean,
    p50: stats.p50,
    p95: stats.p95,
    values: stats.values.map(({ value, count }) => ({ value, count })),
  };
}

/**
 * Every name with a score in the period or the previous one, by name, each beside its previous
 * statistics (null when there is no previous period).
 */
export function scoreListToWire(
  current: readonly ScoreSummary[],
  previous: readonly ScoreSummary[] | null,
): ScoreSummaryWire[] {
  const now = new Map(current.map((summary) => [summary.name, summary]));
  const before = new Map((previous ?? []).map((summary) => [summary.name, summary]));
  const names = [...new Set([...now.keys(), ...before.keys()])].sort(compareIds);
  return names.flatMap((name) => {
    const summary = now.get(name) ?? before.get(name);
    if (!summary) return [];
    return [
      {
        name,
        data_type: summary.dataType,
        sources: [...summary.sources],
        ...scoreStatsToWire(now.get(name) ?? NO_SCORE_STATS),
        previous: previous === null ? null : scoreStatsToWire(before.get(name) ?? NO_SCORE_STATS),
      },
    ];
  });
}

/** A score's detail on the wire, without the period fields the service adds. */
export function scoreDetailToWire(
  detail: ScoreDetail,
): Omit<ScoreDetailWire, 'time_range' | 'period' | 'bucket' | 'time_zone'> {
  const { summary } = detail;
  return {
    name: summary.name,
    data_type: summary.dataType,
    sources: [...summary.sources],
    summary: scoreStatsToWire(summary),
    series: detail.series.map((point) => ({
      bucket_start: iso(point.bucketStart),
      count: point.count,
      mean: point.mean,
      values: point.values.map(({ value, count }) => ({ value, count })),
    })),
    distribution: {
      histogram: detail.histogram.map(({ from, to, count }) => ({ from, to, count })),
      values: summary.values.map(({ value, count }) => ({ value, count })),
    },
    by_agent: detail.byAgent.map(({ key, count, mean }) => ({ agent: key, count, mean })),
    by_model: detail.byModel.map(({ key, count, mean }) => ({ model: key, count, mean })),
    lowest_sessions: detail.lowestSessions.map(({ sessionId, count, mean }) => ({
      session_id: sessionId,
      count,
      mean,
    })),
  };
}

/** One score name of a session row on the wire. */
export function sessionScoreSummaryToWire(summary: SessionScoreSummary): SessionScoreSummaryWire {
  return {
    name: summary.name,
    data_type: summary.dataType,
    count: summary.count,
    mean: summary.mean,
    values: summary.values.map(({ value, count }) => ({ value, count })),
  };
}

/** One score of a conversation on the wire. */
export function conversationScoreToWire(score: SessionScore): ConversationScoreWire {
  return {
    id: score.id,
    name: score.name,
    data_type: score.dataType,
    value: score.value,
    string_value: score.stringValue,
    source: score.source,
    trace_id: score.traceId,
    observation_id: score.observationId,
    time: iso(score.timestamp),
    comment: score.comment,
  };
}

/**
 * The preset's headline scores, in its order: count and mean beside the previous period's (no
 * previous period: null previous values); a name without scores counts 0 with a null mean.
 */
export function headlineScoresToWire(
  names: readonly string[],
  current: readonly ScoreSummary[],
  previous: readonly ScoreSummary[] | null,
): HeadlineScoreWire[] {
  const now = new Map(current.map((summary) => [summary.name, summary]));
  const before = new Map((previous ?? []).map((summary) => [summary.name, summary]));
  return names.map((name) => {
    const was = previous === null ? null : (before.get(name) ?? NO_SCORE_STATS);
    const is = now.get(name) ?? NO_SCORE_STATS;
    return {
      name,
      count: compareKpi(is.count, was?.count ?? null),
      mean: compareKpi(is.mean, was?.mean ?? null),
    };
  });
}
