import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { BucketSize, SortOrder } from '../store/common';
import type { SessionStatusFilter } from '../store/sessions';
import type { DashboardStore } from '../store/store';
import type { PeriodQuery } from './period';
import type { SessionSortWire } from './session-sort';
import type { AgentChartsWire, AgentDetailWire, AgentListWire } from './wire/agents';
import type { ConversationWire } from './wire/conversation';
import type { DashboardMetricsWire, ModelMetricsWire } from './wire/metrics';
import type { SessionListWire, SessionStatsWire } from './wire/sessions';

/** Session list query: a period (on `started_at`) plus filters, sort and page. */
export interface SessionListQuery extends PeriodQuery {
  /** Default `'all'`. */
  status?: SessionStatusFilter;
  /** Literal, case-insensitive substring of session id, user id or message text. */
  search?: string;
  /** Exact user id. */
  userId?: string;
  /** Default `'started_at'`. */
  sort?: SessionSortWire;
  /** Default `'desc'`. */
  order?: SortOrder;
  /** 1-based, default 1. */
  page?: number;
  /** 1–200, default 50. */
  limit?: number;
}

/** Agent detail query. */
export interface AgentDetailQuery extends PeriodQuery {
  /** How many recent errors to list, 1–100, default 10. */
  recentErrorsLimit?: number;
}

/** A period plus a bucket width (default: hours for 24h and periods up to 2 days, else days). */
export interface SeriesQuery extends PeriodQuery {
  bucket?: BucketSize;
}

/** Options of {@link createAnalyticsService}. */
export interface AnalyticsServiceOptions {
  store: DashboardStore;
  /** Chapter names and agent chapters for the answers. Default: the store's preset. */
  preset?: DashboardPreset;
  /** The clock that named ranges and session status are judged at, epoch ms. Default `Date.now`. */
  now?: () => EpochMs;
}

/**
 * The dashboard's read side: store answers in the REST API's wire shapes (snake_case keys, ISO
 * times, `_ms` durations, USD costs). Unknown sessions and agents answer null; an impossible
 * query rejects with `AnalyticsError`; store failures reject with `StoreError`.
 */
export interface AnalyticsService {
  readonly store: DashboardStore;
  readonly preset: DashboardPreset;
  /** Sessions started in the period, filtered, sorted and paginated. */
  listSessions(query?: SessionListQuery): Promise<SessionListWire>;
  /** Status counts, completion, durations, cost, users and chapter funnel of the period. */
  getSessionStats(query?: PeriodQuery): Promise<SessionStatsWire>;
  /** A session's messages in order; null for an unknown session. */
  getConversation(sessionId: string): Promise<ConversationWire | null>;
  /** Agents with a call in the period, by calls descending. */
  listAgents(query?: PeriodQuery): Promise<AgentListWire>;
  /** One agent with its models and recent errors; null when it never ran. */
  getAgent(name: string, query?: AgentDetailQuery): Promise<AgentDetailWire | null>;
  /** One agent's zero-filled series; null when it never ran. */
  getAgentCharts(name: string, query?: SeriesQuery): Promise<AgentChartsWire | null>;
  /** KPIs beside the previous period, series, top agents, cost by model, funnel. */
  getDashboardMetrics(
    query?: SeriesQuery & { topAgentsLimit?: number },
  ): Promise<DashboardMetricsWire>;
  /** Cost and tokens by model over the period. */
  getModelMetrics(query?: PeriodQuery): Promise<ModelMetricsWire>;
  /** When the data was last synced successfully (the `X-Data-As-Of` time); null if never. */
  getDataAsOf(): Promise<EpochMs | null>;
}
