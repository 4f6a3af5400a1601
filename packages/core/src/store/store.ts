import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type {
  AgentDetail,
  AgentDetailParams,
  AgentListParams,
  AgentSummary,
  AgentTimeSeriesParams,
  AgentTimeSeriesPoint,
  ModelUsage,
} from './agents';
import type { Page } from './common';
import type { Conversation } from './conversation';
import type { DashboardMetrics, DashboardParams, ModelUsageParams } from './dashboard';
import type { DataSnapshot, DataVersion } from './data-version';
import type { ScoreDetail, ScoreDetailParams, ScoreListParams, ScoreSummary } from './scores';
import type { SessionBatch, SessionScanParams } from './session-scan';
import type { SessionScore, SessionScoresParams } from './session-scores';
import type { SessionListParams, SessionRow, SessionStats, SessionStatsParams } from './sessions';
import type { SyncLease, SyncState, SyncStatePatch } from './sync-state';
import type { RefreshResult, StoreCounts, TouchedKeys, UpsertBatch, UpsertResult } from './upsert';

/**
 * What every store is created with. A store applies the preset (chapters, categories, completion
 * rule) when it derives data, and reads `now()` where a query omits `now`.
 *
 * @example
 * const store = createMemoryStore({ preset: cupidPreset, now: () => Date.parse('2026-11-20T12:00:00Z') });
 */
export interface DashboardStoreOptions {
  /** Default `cupidPreset`. */
  preset?: DashboardPreset;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => EpochMs;
}

/**
 * The queries of a store: what {@link DashboardStore.readSnapshot} hands its callback, bound to one
 * read transaction.
 */
export interface DashboardReads {
  /** The persisted sync state; `INITIAL_SYNC_STATE` for a fresh store. */
  getSyncState(): Promise<SyncState>;

  // ── sessions ──────────────────────────────────────────────────────────────────────────────

  /** Sessions matching the filters, sorted and paginated. */
  listSessions(params?: SessionListParams): Promise<Page<SessionRow>>;

  /**
   * Every session matching the filters of {@link SessionListParams}, in batches read by position
   * (keyset pagination on `(sort value, id)`, see `compareSessionPositions`), for exports: memory
   * stays flat however many rows match, and a row written during the scan is neither repeated nor
   * shifts the rest. Pass each batch's `next` as `after`; `now` should be the same for every batch.
   */
  scanSessions(params?: SessionScanParams): Promise<SessionBatch>;

  /** One session, or null when it is unknown. */
  getSession(params: { id: string; now?: EpochMs }): Promise<SessionRow | null>;

  /** Counts by status, completion, durations, cost, users and the chapter funnel. */
  getSessionStats(params?: SessionStatsParams): Promise<SessionStats>;

  /** The messages of a session in order (`extractConversation`), or null when it is unknown. */
  getConversation(params: { sessionId: string }): Promise<Conversation | null>;

  // ── agents and models ─────────────────────────────────────────────────────────────────────

  /** Agents with a call in range, by calls descending then name ascending. */
  listAgents(params?: AgentListParams): Promise<AgentSummary[]>;

  /**
   * One agent over the range; null when the store has never seen a call of it (an agent known
   * but idle in the range has zero counts).
   */
  getAgent(params: AgentDetailParams): Promise<AgentDetail | null>;

  /** Per-bucket series of one agent; null when the agent is unknown. */
  getAgentTimeSeries(params: AgentTimeSeriesParams): Promise<AgentTimeSeriesPoint[] | null>;

  /** Cost and tokens by model, by cost descending then model ascending. */
  getModelUsage(params?: ModelUsageParams): Promise<ModelUsage[]>;

  // ── dashboard ─────────────────────────────────────────────────────────────────────────────

  /**
   * KPIs, time series, top agents, cost by model and funnel for one period, and the KPIs alone
   * of `previousRange` when given.
   */
  getDashboard(params?: DashboardParams): Promise<DashboardMetrics>;

  // ── scores ────────────────────────────────────────────────────────────────────────────────

  /** Every score name with a score in range, by name ascending (`compareIds`). */
  listScores(params?: ScoreListParams): Promise<ScoreSummary[]>;

  /** One score name in depth; null when it has no score in range. */
  getScore(params: ScoreDetailParams): Promise<ScoreDetail | null>;

  /**
   * The scores linked to some sessions (at most `SESSION_SCORES_MAX_IDS`), at any time, by
   * session id, timestamp and id (`compareSessionScores`): what session rows and conversations
   * carry. Unknown ids have none.
   */
  listSessionScores(params: SessionScoresParams): Promise<SessionScore[]>;
}

/**
 * Where synced Langfuse records live and how the dashboard reads them. Domain-shaped: no SQL
 * types cross it, so an in-memory, SQLite or PostgreSQL store fits behind it. The in-memory store
 * (`createMemoryStore`) is the executable specification; `storeConformanceSuite` holds every other
 * store to its answers.
 *
 * Writes and reads:
 * - `upsert` stores raw records idempotently (see {@link UpsertBatch} for the version rule) and
 *   reports the derived keys it touched.
 * - `refresh` recomputes derived data (session aggregates, agent and model rollups, time buckets).
 *   Queries are guaranteed to reflect a write once a refresh covering it has completed; a store
 *   may reflect it sooner (the memory store does at once).
 * - Status (`active` vs `abandoned`) depends on time, so no store persists it: it is judged at
 *   the query's `now`.
 *
 * All methods are async and reject with `StoreError` (a `DashboardError`): `STORE_INVALID_QUERY`
 * for out-of-range parameters (page < 1, limit outside 1–200 (1–1000 for a scan), a malformed scan position, an unknown status, sort, order or
 * bucket, a non-finite range bound, a series over `MAX_SERIES_BUCKETS` buckets, an empty lease
 * owner or a ttl ≤ 0), `STORE_INVALID_RECORD` for a record without an id or with a non-finite
 * time (the whole batch is then rejected), `STORE_UNAVAILABLE` once closed or broken.
 *
 * Implementing it with rollups (what a SQL store is expected to do to answer in milliseconds):
 * - one row per session with every `SessionRow` field but status, plus its normalized search text
 *   (`normalizeSearchText` of id, user and message contents joined with `'\n'`); status is a
 *   `CASE` over `chapterReached`, `errorCount` and `lastActivityAt` at the query's `now`;
 * - one row per trace (time, latency, cost) and per (agent, session) with the first call's time,
 *   which answers `AgentSummary.sessions` for any range;
 * - per agent, per model and per UTC hour: calls, errors, generations, cost, tokens, latency
 *   sum and count, and latency sketch counts (`latencyBucketIndex`); days are sums of hours;
 * - ranges are arbitrary milliseconds: whole hours come from the rollups, the partial hours at
 *   the edges from the raw observations (indexed by start time).
 * - per score name, UTC hour, data type and source: count, count and sum of the numbers, and the
 *   score sketch counts of NUMERIC values (`scoreBucketIndex`); per name, hour and value the
 *   count of BOOLEAN and CATEGORICAL values; each score row keeps its session
 *   (`sessionId ?? trace(traceId).sessionId`), updated when its trace arrives or moves.
 * `refresh(touched)` recomputes the rows of exactly the touched sessions, traces and
 * agent/model hours.
 *
 * Data version: `getDataVersion()` names the committed state (a counter bumped in every write
 * transaction that may change an answer, stored in the database so every process sees it, plus
 * an id that tells one database from another); `readSnapshot` reads an answer with its version and
 * freshness in one transaction. Caches key answers by it (see `createDashboard`'s `cache`).
 *
 * @example
 * const { touched } = await store.upsert({ traces, observations });
 * await store.refresh(touched);
 * const page = await store.listSessions({ status: 'active', page: 1, limit: 50 });
 */
export interface DashboardStore extends DashboardReads {
  /** The preset the store derives chapters, categories and status with. */
  readonly preset: DashboardPreset;

  /**
   * The database engine behind the store, e.g. `'memory'`, `'sqlite'`, `'postgresql'`, which
   * `GET /health` reports (a store written outside this repo may leave it out).
   */
  readonly engine?: string;

  // ── writes ────────────────────────────────────────────────────────────────────────────────

  /** Stores a batch atomically (all or nothing) and returns what it touched. */
  upsert(batch: UpsertBatch): Promise<UpsertResult>;

  /**
   * Recomputes derived data. With `touched`, at least those keys (the union of several upserts'
   * `touched` may be passed); without it, everything written since the last refresh; with
   * `'all'`, everything from the raw records (a repair).
   */
  refresh(touched?: TouchedKeys | 'all'): Promise<RefreshResult>;

  // ── sync state and lease ──────────────────────────────────────────────────────────────────

  /** Applies a shallow patch (present fields replace, `null` clears) and returns the new state. */
  saveSyncState(patch: SyncStatePatch): Promise<SyncState>;

  /**
   * Takes the sync lease for `ttlMs` milliseconds from `now` when it is free, expired
   * (`expiresAt <= now`) or already held by `owner` (then it is extended). Atomic across every
   * process sharing the store: of two concurrent callers at most one gets `true`.
   */
  acquireLease(owner: string, ttlMs: number, now: EpochMs): Promise<boolean>;

  /** Extends the lease to `now + ttlMs`; `false` (and nothing changes) unless `owner` holds an unexpired lease. */
  renewLease(owner: string, ttlMs: number, now: EpochMs): Promise<boolean>;

  /** Frees the lease if `owner` holds it; otherwise does nothing. */
  releaseLease(owner: string): Promise<void>;

  /** The current lease, expired or not; null when none is held. */
  getLease(): Promise<SyncLease | null>;

  // ── snapshots ─────────────────────────────────────────────────────────────────────────────

  /**
   * The current {@link DataVersion}: one cheap read, so a cache can be checked before any query.
   * Lease operations, reads and writes that store nothing (an empty batch, only older versions)
   * leave it unchanged; every upsert that stores a version, `refresh('all')` and `saveSyncState`
   * change it. A store that recomputes derived rows in `refresh(touched)` changes it then too.
   */
  getDataVersion(): Promise<DataVersion>;

  /**
   * Runs `read` against one consistent snapshot (one read transaction): every query it makes
   * through `reads` sees the same committed state, and that state's version and `lastSuccessAt`
   * come back beside its result. Errors thrown by `read` itself pass through unchanged.
   *
   * @example
   * const { value, version } = await store.readSnapshot(async (reads) => ({
   *   stats: await reads.getSessionStats({ range }),
   *   agents: await reads.listAgents({ range }),
   * }));
   */
  readSnapshot<T>(read: (reads: DashboardReads) => Promise<T>): Promise<DataSnapshot<T>>;

  // ── operations ────────────────────────────────────────────────────────────────────────────

  /** Stored and derived row counts. */
  counts(): Promise<StoreCounts>;

  /** Resolves when the store can serve; rejects with `STORE_UNAVAILABLE` otherwise. */
  ping(): Promise<void>;

  /** Releases resources; afterwards every method rejects with `STORE_UNAVAILABLE`. Idempotent. */
  close(): Promise<void>;
}
