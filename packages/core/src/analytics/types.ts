import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { BucketSize, SortOrder } from '../store/common';
import type { DataSnapshot, DataVersion } from '../store/data-version';
import type { SessionScoreFilter } from '../store/session-score-filter';
import type { SessionStatusFilter } from '../store/sessions';
import type { DashboardStore } from '../store/store';
import type { PeriodQuery } from './period';
import type { SessionSortWire } from './session-sort';
import type {
  AgentChartsWire,
  AgentDetailWire,
  AgentListWire,
  AgentSummaryWire,
} from './wire/agents';
import type { PeriodWire, TimeRangeWire } from './wire/common';
import type { ConversationWire } from './wire/conversation';
import type { DashboardMetricsWire, ModelMetricsWire } from './wire/metrics';
import type { ScoreDetailWire, ScoreListWire } from './wire/scores';
import type { SessionListWire, SessionRowWire, SessionStatsWire } from './wire/sessions';

/** Session list query: a period (on `started_at`) plus filters, sort and page. */
export interface SessionListQuery extends PeriodQuery {
  /** Default `'all'`. */
  status?: SessionStatusFilter;
  /** Literal, case-insensitive substring of session id, user id or message text. */
  search?: string;
  /** Exact user id. */
  userId?: string;
  /** Sessions with a score of a name, by their mean of it or a value of it. */
  score?: SessionScoreFilter;
  /** Default `'started_at'`. */
  sort?: SessionSortWire;
  /** Default `'desc'`. */
  order?: SortOrder;
  /** 1-based, default 1. */
  page?: number;
  /** 1–200, default 50. */
  limit?: number;
}

/** Session export query: the list's period, filters and sort, every matching row. */
export type SessionExportQuery = Omit<SessionListQuery, 'page' | 'limit'>;

/**
 * Rows to export and the period they cover. `rows` is read lazily, a batch at a time, so it can
 * be iterated once, while it is being written out.
 */
export interface ExportRows<T> {
  /** The named range, or `'custom'`. */
  timeRange: TimeRangeWire;
  /** The resolved period; `to` is null for an open end. */
  period: PeriodWire;
  /** When the export was taken (ISO-8601 UTC): statuses are judged and named ranges end here. */
  asOf: string;
  rows: AsyncIterable<T>;
}

/** Agent detail query. */
export interface AgentDetailQuery extends PeriodQuery {
  /** How many recent errors to list, 1–100, default 10. */
  recentErrorsLimit?: number;
}

/**
 * A period plus a bucket width (default: hours for 24h and periods up to 2 days, else days);
 * buckets start at local midnights (and hours) of `timeZone`.
 */
export interface SeriesQuery extends PeriodQuery {
  bucket?: BucketSize;
}

/** Score detail query: a series query plus how many lowest-scoring sessions to list. */
export interface ScoreDetailQuery extends SeriesQuery {
  /** 1–100, default 10. */
  lowestSessionsLimit?: number;
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
 * The dashboard's answers in the REST API's wire shapes (snake_case keys, ISO times, `_ms`
 * durations, USD costs). Unknown sessions and agents answer null; an impossible query rejects
 * with `AnalyticsError`; store failures reject with `StoreError`.
 */
export interface AnalyticsQueries {
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
  /** KPIs beside the previous period, series, top agents, cost by model, funnel (one store read). */
  getDashboardMetrics(
    query?: SeriesQuery & { topAgentsLimit?: number },
  ): Promise<DashboardMetricsWire>;
  /** Cost and tokens by model over the period. */
  getModelMetrics(query?: PeriodQuery): Promise<ModelMetricsWire>;
  /** Every score name of the period or the previous one, each beside its previous statistics. */
  listScores(query?: PeriodQuery): Promise<ScoreListWire>;
  /**
   * One score name over the period: series, distribution, breakdowns, lowest sessions; null
   * when the name never had a score (a known name without scores in the period answers zeros).
   */
  getScore(name: string, query?: ScoreDetailQuery): Promise<ScoreDetailWire | null>;
}

/** Options of {@link AnalyticsService.snapshot}. */
export interface AnalyticsSnapshotOptions {
  /** The instant named ranges and statuses are judged at, epoch ms. Default: the service's clock. */
  now?: EpochMs;
}

/**
 * The dashboard's read side: {@link AnalyticsQueries} over the store, plus the same queries over
 * one consistent snapshot with its data version and freshness.
 */
export interface AnalyticsService extends AnalyticsQueries {
  /**
   * Every session the list's filters match, in its order, read from the store in batches as the
   * rows are consumed (outside any snapshot: a download outlives a read transaction).
   */
  exportSessions(query?: SessionExportQuery): Promise<ExportRows<SessionRowWire>>;
  /** Every agent with a call in the period, by calls descending, as rows to export. */
  exportAgents(query?: PeriodQuery): Promise<ExportRows<AgentSummaryWire>>;
  readonly store: DashboardStore;
  readonly preset: DashboardPreset;
  /**
   * Runs `answer` on one snapshot of the store (`store.readSnapshot`) and returns its result with
   * the snapshot's data version and `lastSuccessAt`, so an answer and its `X-Data-As-Of` agree.
   *
   * @example
   * const { value, version } = await analytics.snapshot((q) => q.getDashboardMetrics({ timeRange: '7d' }));
   */
  snapshot<T>(
    answer: (queries: AnalyticsQueries) => Promise<T>,
    options?: AnalyticsSnapshotOptions,
  ): Promise<DataSnapshot<T>>;
  /** The store's current data version (`store.getDataVersion`). */
  getDataVersion(): Promise<DataVersion>;
  /** When the data was last synced successfully (the `X-Data-As-Of` time); null if never. */
  getDataAsOf(): Promise<EpochMs | null>;
}
