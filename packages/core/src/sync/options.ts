import { z } from 'zod';
import type { EpochMs } from '../domain/records';
import type { LangfuseClient } from '../langfuse/client-types';
import { LEGACY_MAX_LIMIT, V2_MAX_LIMIT } from '../langfuse/params';
import type { DashboardStore } from '../store/store';
import type { SyncProgress } from '../store/sync-state';
import { SyncError } from './errors';

/** Which API generation a sync reads: `auto` probes v2 first and falls back on a 404. */
export type SyncApiModeOption = 'auto' | 'v2' | 'legacy';

/**
 * Where the sync service writes what it did. It never receives a key. A finished run is logged
 * at `info` when it succeeded, `warn` when it was rate limited or stopped, `error` (or `warn`
 * when the logger has no `error`) when it failed.
 */
export interface SyncLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error?(message: string, context?: Record<string, unknown>): void;
}

/**
 * Options of `createSyncService`.
 *
 * @example
 * const sync = createSyncService({
 *   client: createLangfuseClient({ publicKey, secretKey, requestsPerMinute: 28 }),
 *   store,
 *   lookbackMs: 2 * 3_600_000, // re-read the last two hours on every run
 *   startFrom: '2026-10-01T00:00:00Z', // do not backfill older data
 * });
 */
export interface SyncServiceOptions {
  client: LangfuseClient;
  store: DashboardStore;
  /** Default `'auto'`: v2 observations, or legacy endpoints when v2 answers 404 (and back). */
  apiMode?: SyncApiModeOption;
  /**
   * How far before the watermark each run starts reading, in milliseconds, so records that
   * arrive or change late are re-read. Default `3_600_000` (one hour; Langfuse documents 10–15
   * minutes of delay).
   */
  lookbackMs?: number;
  /**
   * Lower bound of the first backfill (and of every later window): epoch ms, ISO-8601 text or a
   * `Date`. Default: none, everything is read.
   */
  startFrom?: EpochMs | string | Date;
  /**
   * Records per request. Default: `1000` in v2 mode, `100` in legacy mode (the APIs' maxima);
   * values above an API's maximum are capped for that API.
   */
  pageSize?: number;
  /**
   * Lifetime of the cross-process lease in milliseconds; it is renewed every third of it while a
   * run lasts, so a killed process blocks others for at most this long. Default `120_000`.
   */
  leaseTtlMs?: number;
  /** Lease owner id of this service. Default: a random id per service. */
  owner?: string;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => EpochMs;
  /** Receives one line per run (with the verification) and notices. Default: silent. */
  logger?: SyncLogger;
  /** Called on every progress update of a run, like `SyncService.onProgress` listeners. */
  onProgress?: (progress: SyncProgress) => void;
}

/** {@link SyncServiceOptions} with every default applied. */
export interface ResolvedSyncOptions {
  client: LangfuseClient;
  store: DashboardStore;
  apiMode: SyncApiModeOption;
  lookbackMs: number;
  startFrom: EpochMs | null;
  v2PageSize: number;
  legacyPageSize: number;
  leaseTtlMs: number;
  owner: string;
  now: () => EpochMs;
  logger: SyncLogger | undefined;
  onProgress: ((progress: SyncProgress) => void) | undefined;
}

const timeSchema = z
  .union([z.number().finite(), z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => (typeof value === 'number' ? value : new Date(value).getTime()))
  .refine((ms) => Number.isFinite(ms), 'startFrom is not a valid time');

const optionsSchema = z.object({
  apiMode: z.enum(['auto', 'v2', 'legacy']).default('auto'),
  lookbackMs: z.number().int().nonnegative().default(3_600_000),
  startFrom: timeSchema.optional(),
  pageSize: z.number().int().positive().optional(),
  leaseTtlMs: z.number().int().positive().default(120_000),
  owner: z.string().min(1).optional(),
});

/**
 * Validates the options and applies defaults; throws `SYNC_CONFIG` naming the bad option.
 *
 * @example
 * resolveSyncOptions({ client, store }).lookbackMs; // 3_600_000
 */
export function resolveSyncOptions(options: SyncServiceOptions): ResolvedSyncOptions {
  if (!options.client || !options.store) {
    throw new SyncError('SYNC_CONFIG', 'createSyncService needs both a client and a store');
  }
  const parsed = optionsSchema.safeParse({
    apiMode: options.apiMode,
    lookbackMs: options.lookbackMs,
    startFrom: options.startFrom,
    pageSize: options.pageSize,
    leaseTtlMs: options.leaseTtlMs,
    owner: options.owner,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncError(
      'SYNC_CONFIG',
      `Invalid sync option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const o = parsed.data;
  return {
    client: options.client,
    store: options.store,
    apiMode: o.apiMode,
    lookbackMs: o.lookbackMs,
    startFrom: o.startFrom ?? null,
    v2PageSize: Math.min(o.pageSize ?? V2_MAX_LIMIT, V2_MAX_LIMIT),
    legacyPageSize: Math.min(o.pageSize ?? LEGACY_MAX_LIMIT, LEGACY_MAX_LIMIT),
    leaseTtlMs: o.leaseTtlMs,
    owner: o.owner ?? `sync-${randomId()}`,
    now: options.now ?? Date.now,
    logger: options.logger,
    onProgress: options.onProgress,
  };
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
