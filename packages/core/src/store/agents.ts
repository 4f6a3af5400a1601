import type { EpochMs } from '../domain/records';
import type { BucketSize, LatencySummary, TimeRange, TokenCounts } from './common';

/**
 * One agent (observation name) over the observations whose `startTime` is in range.
 * Observations without a name belong to no agent.
 */
export interface AgentSummary {
  name: string;
  /** `preset.agentCategories[name]`, else `'other'`. */
  category: string;
  /** Observations (of any type). */
  calls: number;
  /**
   * Sessions whose first call of this agent is in range. For all time this is the number of
   * distinct sessions the agent ran in; per bucket the counts add up to the range's count, which
   * keeps it answerable from rollups.
   */
  sessions: number;
  /** Observations with level `ERROR`. */
  errors: number;
  /** `errors / calls`, 0 when there are no calls. */
  errorRate: number;
  /** Over calls with an end time (`observationLatencyMs`). */
  latency: LatencySummary;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
  /** Latest start time of a call in range; null when there are none. */
  lastSeenAt: EpochMs | null;
}

/** Agent list query. */
export interface AgentListParams {
  range?: TimeRange;
}

/** Usage of one model: by an agent, or across the store. */
export interface ModelUsage {
  model: string;
  calls: number;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
}

/** An `ERROR` observation, for the agent detail. */
export interface AgentErrorEntry {
  observationId: string;
  traceId: string | null;
  sessionId: string | null;
  time: EpochMs;
  /** The observation's `statusMessage`. */
  message: string | null;
  model: string | null;
}

/** One agent in detail. */
export interface AgentDetail extends AgentSummary {
  /** Models of its calls in range, by calls descending then model ascending; null models omitted. */
  models: ModelUsage[];
  /** Newest first (start time descending, then id ascending), at most `recentErrorsLimit`. */
  recentErrors: AgentErrorEntry[];
}

/** Agent detail query. */
export interface AgentDetailParams {
  name: string;
  range?: TimeRange;
  /** Default 10, 1–100 (`QUERY_BOUNDS.recentErrorsLimit`). */
  recentErrorsLimit?: number;
}

/**
 * Agent time series query. Points cover every bucket (in `timeZone`) from the one holding
 * `range.from` to the one holding `range.to - 1`, zero-filled; an open bound is taken from the
 * agent's calls. Checked by `checkAgentTimeSeriesParams`.
 */
export interface AgentTimeSeriesParams {
  name: string;
  range?: TimeRange;
  bucket: BucketSize;
  /** IANA zone whose local midnights (and hours) start the buckets. Default `'UTC'`. */
  timeZone?: string;
}

/** One bucket of an agent's time series. */
export interface AgentTimeSeriesPoint {
  /** Start of the bucket (local midnight or hour in the query's zone), epoch ms. */
  bucketStart: EpochMs;
  calls: number;
  errors: number;
  /** Null when no call in the bucket has an end time. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
}
