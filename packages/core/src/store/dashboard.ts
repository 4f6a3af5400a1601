import type { EpochMs } from '../domain/records';
import type { AgentSummary, ModelUsage } from './agents';
import type { BucketSize, TimeRange, TokenCounts } from './common';
import type { ChapterFunnelStep } from './sessions';

/**
 * Dashboard query: one period in full, plus the KPIs alone of the period to compare it with
 * (`previousRange`, usually `previousTimeRange`), so one view is one read.
 *
 * Scope: sessions whose `startedAt` is in range; traces whose time (record timestamp, else
 * earliest observation start) is in range; observations whose `startTime` is in range. The
 * previous period's KPIs use the same scope over `previousRange`.
 *
 * Defaults and bounds: `QUERY_BOUNDS` and `checkDashboardParams`.
 *
 * @example
 * const day = 86_400_000;
 * await store.getDashboard({ range: { from: now - day, to: now }, previousRange: { from: now - 2 * day, to: now - day }, bucket: 'hour' });
 */
export interface DashboardParams {
  range?: TimeRange;
  /** The period whose KPIs come back as `previousKpis`. Absent: `previousKpis` is null. */
  previousRange?: TimeRange;
  /** Width of the time-series buckets. Default `'day'`. */
  bucket?: BucketSize;
  /**
   * IANA zone whose local midnights (and hours) start the buckets, e.g. `'America/New_York'`.
   * Default `'UTC'`. Checked by `checkDashboardParams`.
   */
  timeZone?: string;
  /** How many agents `topAgents` holds, by calls. Default 5, 1–50. */
  topAgentsLimit?: number;
  /** Default: the store's clock. */
  now?: EpochMs;
}

/** Headline numbers for one period. */
export interface DashboardKpis {
  sessions: number;
  /** Distinct non-null user ids of the sessions in scope. */
  users: number;
  traces: number;
  observations: number;
  generations: number;
  /** USD, over observations in scope. */
  cost: number;
  tokens: TokenCounts;
  /** Observations with level `ERROR`. */
  errors: number;
  /** `errors / observations`, 0 when there are none. */
  errorRate: number;
  /** Mean observation latency (calls with an end time), null when there are none. */
  avgLatencyMs: number | null;
  /** Nearest-rank p95 of the same latencies (sketch tolerance applies). */
  p95LatencyMs: number | null;
  /** Mean trace latency (`traceLatencyMs`) over traces in scope that have one. */
  avgTraceLatencyMs: number | null;
  completedSessions: number;
  /** `completedSessions / sessions`, 0 when there are none. */
  completionRate: number;
  avgSessionDurationMs: number | null;
  /** Mean cost (USD) of the sessions in scope (their whole cost), null when there are none. */
  avgSessionCost: number | null;
}

/**
 * One bucket of the dashboard time series. Points cover every bucket (in `timeZone`) from the one holding
 * `range.from` to the one holding `range.to - 1`, zero-filled; an open bound is taken from the
 * data in scope (none at all gives no points).
 */
export interface DashboardTimeSeriesPoint {
  bucketStart: EpochMs;
  /** Sessions started in the bucket. */
  sessions: number;
  traces: number;
  observations: number;
  generations: number;
  errors: number;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
  /** Mean observation latency in the bucket, null when none has an end time. */
  avgLatencyMs: number | null;
  /** Nearest-rank p50 of the same latencies (sketch tolerance applies), null when none. */
  latencyP50Ms: number | null;
  /** Nearest-rank p95 of the same latencies (sketch tolerance applies), null when none. */
  latencyP95Ms: number | null;
}

/** Everything the dashboard page shows for one period. */
export interface DashboardMetrics {
  kpis: DashboardKpis;
  /** The KPIs over `previousRange`; null when the query gave none. */
  previousKpis: DashboardKpis | null;
  timeSeries: DashboardTimeSeriesPoint[];
  /** By calls descending, then name ascending. */
  topAgents: AgentSummary[];
  /** By cost descending, then model ascending. */
  costByModel: ModelUsage[];
  funnel: ChapterFunnelStep[];
}

/** Model usage query: observations with a model whose `startTime` is in range. */
export interface ModelUsageParams {
  range?: TimeRange;
}
