import type { AnalyticsService } from '../analytics/types';
import type { AnswerCache, AnswerCacheOptions } from '../cache/answer-cache';
import type { EpochMs } from '../domain/records';
import type { LiveEvents } from '../events/live-events';
import type { LiveEventsOptions } from '../events/options';
import type { LangfuseClient } from '../langfuse/client-types';
import type { LangfuseClientOptions } from '../langfuse/options';
import type { DashboardPreset } from '../presets/types';
import type { AnyDashboardRoute } from '../routes/types';
import type { DashboardStore } from '../store/store';
import type { SyncServiceOptions } from '../sync/options';
import type { Scheduler, SchedulerOptions } from '../sync/scheduler';
import type { SyncService } from '../sync/sync-service';

/**
 * Options of {@link createDashboard}. Syncing is optional: without `langfuse` or `sync` the
 * dashboard serves what the store holds (a read replica, a test, a demo).
 */
export interface DashboardOptions {
  store: DashboardStore;
  /** Default: the store's preset. */
  preset?: DashboardPreset;
  /**
   * Langfuse credentials and client options: the dashboard creates the client and a sync service
   * over it (with `syncOptions`). Ignored when `sync` is given.
   */
  langfuse?: LangfuseClientOptions;
  /** Sync settings used with `langfuse` (api mode, lookback, start date, ...). */
  syncOptions?: Omit<SyncServiceOptions, 'client' | 'store'>;
  /** A ready sync service (e.g. a test fake), or null for none; either wins over `langfuse`. */
  sync?: SyncService | null;
  /**
   * Run the sync on an interval: the scheduler is created and started at once. Needs a sync
   * service (`langfuse` or `sync`). Default: no scheduler (trigger runs by hand or by route).
   */
  schedule?: SchedulerOptions;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => EpochMs;
  /** Whether `close()` closes the store too. Default true. */
  closeStore?: boolean;
  /**
   * The in-process cache of analytics answers (the `dataAsOf` routes), keyed by route, normalised
   * query, the minute and the store's data version, so a committed write is seen by the next
   * request; with it, answers carry a strong `ETag` and `If-None-Match` answers 304, and named
   * ranges are judged at `now` rounded up to the minute. Default on with 1000 answers and 32 MiB
   * (`DEFAULT_CACHE_ENTRIES`, `DEFAULT_CACHE_BYTES`); `false` turns it (and the `ETag`) off.
   *
   * @example
   * createDashboard({ store, cache: { maxEntries: 200, maxBytes: 8 * 1024 * 1024 } });
   */
  cache?: false | AnswerCacheOptions;
  /**
   * The live event stream of `GET /api/events` (sync state and progress, `data` when the data
   * version changes, heartbeats). Default on: at most 100 clients, a heartbeat every 15 s, the
   * last 500 events kept for `Last-Event-ID`; `false` turns it off (the route answers 404).
   *
   * @example
   * createDashboard({ store, events: { maxClients: 20, heartbeatMs: 30_000 } });
   */
  events?: false | LiveEventsOptions;
}

/**
 * Everything the REST layer and a host need, wired once: the store, the analytics read side,
 * the optional Langfuse client, sync service and scheduler, and the route table.
 */
export interface Dashboard {
  readonly store: DashboardStore;
  readonly preset: DashboardPreset;
  readonly analytics: AnalyticsService;
  /** The Langfuse client created from `langfuse`; null otherwise. */
  readonly client: LangfuseClient | null;
  readonly sync: SyncService | null;
  readonly scheduler: Scheduler | null;
  readonly routes: readonly AnyDashboardRoute[];
  /** The clock the analytics use, epoch ms. */
  readonly now: () => EpochMs;
  /** The answer cache; null with `cache: false`. */
  readonly cache: AnswerCache | null;
  /** The live event stream; null with `events: false`. */
  readonly events: LiveEvents | null;
  /**
   * Ends every live event stream (each gets `closing`), stops the scheduler and any sync in
   * progress, scheduled or triggered (it stops after its last committed page as `SYNC_ABORTED`,
   * saves its checkpoint, releases the lease and resumes from the checkpoint next time), waits for
   * it, then closes the store unless `closeStore: false`. Idempotent.
   */
  close(): Promise<void>;
}
