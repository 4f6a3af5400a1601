import type { EpochMs } from '../domain/records';
import type { ScoreDataType, ScoreSource } from '../domain/score';
import type { BucketSize, TimeRange } from './common';

/** How many times one value of a BOOLEAN or CATEGORICAL score was given. */
export interface ScoreValueCount {
  /** The category, or `'True'` / `'False'`. */
  value: string;
  count: number;
}

/**
 * The statistics of some scores of one name. `mean` is over the scores with a number (NUMERIC
 * values, BOOLEAN 1/0, so for a boolean it is the share of `True`); `p50`/`p95` are nearest-rank
 * over NUMERIC values (a store may answer them from the signed log-bucket sketch of
 * `semantics/score-sketch`, within 1% relative); `values` count BOOLEAN and CATEGORICAL values,
 * by count descending then value ascending.
 */
export interface ScoreStats {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  values: ScoreValueCount[];
}

/**
 * One score name over the scores whose `timestamp` is in range.
 *
 * `dataType` is the type most of them have (ties: NUMERIC, BOOLEAN, CATEGORICAL); `sources` the
 * distinct sources among them, in that order: API, ANNOTATION, EVAL (alphabetical).
 */
export interface ScoreSummary extends ScoreStats {
  name: string;
  dataType: ScoreDataType;
  sources: ScoreSource[];
}

/** Score list query: scores whose `timestamp` is in range. */
export interface ScoreListParams {
  range?: TimeRange;
}

/** One bucket of a score's series, zero-filled like the dashboard's. */
export interface ScoreSeriesPoint {
  bucketStart: EpochMs;
  count: number;
  mean: number | null;
  values: ScoreValueCount[];
}

/**
 * One bar of a numeric score's histogram: `[from, to)`, the last bar closed. Ten equal bars span
 * the lowest to the highest value, as the score sketch places them (within 1%), so every store
 * draws the same bars.
 */
export interface ScoreHistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Scores of one name grouped by the agent (observation name) or model they judge. */
export interface ScoreBreakdown {
  /** The observation's name or model; scores on a trace or session have none and are left out. */
  key: string;
  count: number;
  mean: number | null;
}

/** A session's mean of one score, for the lowest-scoring list. */
export interface SessionScoreMean {
  sessionId: string;
  count: number;
  mean: number;
}

/**
 * One score name in depth over a range.
 *
 * - `series`: per bucket of the range (open bounds from the score's own times);
 * - `histogram`: numeric values in ten bars (empty without NUMERIC scores); the value counts are
 *   `summary.values`;
 * - `byAgent` / `byModel`: scores attached to a known observation, by that observation's name or
 *   model, by count descending then key ascending;
 * - `lowestSessions`: sessions (`sessionId ?? trace(traceId).sessionId`) by their mean score
 *   ascending, then id ascending; scores without a number (CATEGORICAL) rank nothing.
 */
export interface ScoreDetail {
  summary: ScoreSummary;
  series: ScoreSeriesPoint[];
  histogram: ScoreHistogramBin[];
  byAgent: ScoreBreakdown[];
  byModel: ScoreBreakdown[];
  lowestSessions: SessionScoreMean[];
}

/**
 * Score detail query. Bounds: `QUERY_BOUNDS.lowestSessionsLimit`.
 *
 * @example
 * await store.getScore({ name: 'helpfulness', range: { from, to }, bucket: 'hour' });
 */
export interface ScoreDetailParams {
  name: string;
  range?: TimeRange;
  /** Default `'day'`. */
  bucket?: BucketSize;
  /**
   * IANA zone the series' buckets start in (local midnights for `'day'`), default `'UTC'`. Score
   * rollups are UTC hours: in a half- or quarter-hour zone an hour a local midnight cuts falls
   * wholly in the bucket its UTC hour starts in.
   */
  timeZone?: string;
  /** Default 10, 1–100. */
  lowestSessionsLimit?: number;
}

/** What a store reads per score to fold it into statistics. */
export interface ScoreFact {
  name: string;
  dataType: ScoreDataType;
  source: ScoreSource;
  value: number | null;
  stringValue: string | null;
}
